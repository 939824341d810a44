"""Assignment 1 of Course 1, Week 4: building a deep neural network step by step.

الواجب الأول من الأسبوع الرابع: بناء شبكة عصبية عميقة (deep neural network) خطوةً خطوة.

Conventions (the original course's): data is column-major, ``X`` has shape ``(n_x, m)`` and
``Y``/``AL`` have shape ``(1, m)``; ``parameters`` maps ``"W1", "b1", ..., "WL", "bL"`` to arrays
with ``Wl`` of shape ``(n_l, n_{l-1})`` and ``bl`` of shape ``(n_l, 1)``.
"""

import copy

import numpy as np

from .dnn_helpers import relu, relu_backward, sigmoid, sigmoid_backward


def initialize_parameters(n_x, n_h, n_y):
    """Initialise the parameters of a 2-layer network (LINEAR -> RELU -> LINEAR -> SIGMOID).

    Seeds ``np.random.seed(1)`` itself, then draws ``W1`` before ``W2`` with
    ``np.random.randn(...) * 0.01``; biases start at zero.

    Requirement: Each bias is a column vector of zeros, of shape ``(n, 1)``, made with
    ``np.zeros((n, 1))``.

    Parameters
    ----------
    n_x : int
        Size of the input layer.
    n_h : int
        Size of the hidden layer.
    n_y : int
        Size of the output layer.

    Returns
    -------
    parameters : dict
        ``"W1"`` shape (n_h, n_x), ``"b1"`` shape (n_h, 1),
        ``"W2"`` shape (n_y, n_h), ``"b2"`` shape (n_y, 1).

    Notes
    -----
    العربية: هيِّئ (initialize) معاملات (parameters) شبكة من طبقتين. اسحب عناصر مصفوفات
    الأوزان (weight matrices) من التوزيع الطبيعي المعياري واضربها في 0.01:
    ``np.random.randn(...) * 0.01``، ``W1`` أولًا ثم ``W2``، واجعل الانحيازات (biases) أصفارًا.
    البذرة ``np.random.seed(1)`` مكتوبة لك.
    الأشكال: ``W1`` هو ``(n_h, n_x)`` و ``b1`` هو ``(n_h, 1)`` و ``W2`` هو ``(n_y, n_h)``
    و ``b2`` هو ``(n_y, 1)``.

    الشرط: كل انحياز متّجه عمودي من الأصفار شكله ``(n, 1)``، يُصنع بالدالة ``np.zeros((n, 1))``.
    """
    np.random.seed(1)

    # BEGIN SOLUTION
    # HINT: np.random.randn(rows, columns) * 0.01 and np.zeros((rows, 1))
    # HINT: np.random.randn(rows, columns) * 0.01 و np.zeros((rows, 1))
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    # END SOLUTION

    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def initialize_parameters_deep(layer_dims):
    """Initialise the parameters of an L-layer network.

    The network has ``len(layer_dims) - 1`` layers: the input layer is not counted. Inside the
    function, though, ``L = len(layer_dims)`` counts it too, so ``range(1, L)`` visits exactly the
    layers with parameters, ``l = 1 .. len(layer_dims) - 1``. Seeds ``np.random.seed(3)`` itself;
    for each of those layers in order draws ``W_l = np.random.randn(n_l, n_{l-1}) * 0.01`` and
    sets ``b_l`` to zeros.

    Requirement: Each bias is a column vector of zeros, of shape ``(n, 1)``, made with
    ``np.zeros((n, 1))``.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_0, n_1, ..., n_L]``: the size of every layer, input layer (``n_0 = n_x``) first.

    Returns
    -------
    parameters : dict
        ``"Wl"`` shape (layer_dims[l], layer_dims[l-1]) and ``"bl"`` shape (layer_dims[l], 1)
        for every layer ``l``.

    Notes
    -----
    العربية: هيِّئ معاملات شبكة عدد طبقاتها ``len(layer_dims) - 1``، فطبقة الإدخال لا تُعَدّ.
    أما المتغير ``L = len(layer_dims)`` داخل الدالة فيعدّها، ولذلك تمرّ الحلقة ``range(1, L)``
    على الطبقات ذات المعاملات وحدها، من 1 إلى ``len(layer_dims) - 1``. لكل طبقة منها بالترتيب:
    ``W_l = np.random.randn(n_l, n_{l-1}) * 0.01`` و ``b_l`` أصفار بالشكل ``(n_l, 1)``. البذرة
    ``np.random.seed(3)`` مكتوبة لك؛ ولو غيّرت ترتيب السحب لتغيّرت الأرقام.

    الشرط: كل انحياز متّجه عمودي من الأصفار شكله ``(n, 1)``، يُصنع بالدالة ``np.zeros((n, 1))``.
    """
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)  # layers + 1 (the input counts here): range(1, L) visits every layer

    for l in range(1, L):
        # BEGIN SOLUTION
        # HINT: the keys are "W" + str(l) and "b" + str(l)
        # HINT: المفاتيح هي "W" + str(l) و "b" + str(l)
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        # END SOLUTION

    return parameters


def linear_forward(A, W, b):
    """Linear part of a layer's forward propagation: ``Z = W A + b``.

    Parameters
    ----------
    A : numpy.ndarray, shape (n_{l-1}, m)
        Activations from the previous layer (or the input data).
    W : numpy.ndarray, shape (n_l, n_{l-1})
        Weight matrix of this layer.
    b : numpy.ndarray, shape (n_l, 1)
        Bias vector of this layer.

    Returns
    -------
    Z : numpy.ndarray, shape (n_l, m)
        Pre-activation.
    cache : tuple
        ``(A, W, b)``, kept for the backward pass.

    Notes
    -----
    العربية: احسب الجزء الخطي من الانتشار الأمامي (forward propagation): ``Z = W A + b``،
    حيث يُضاف ``b`` إلى كلٍّ من أعمدة ``W A`` البالغ عددها ``m`` بالبثّ (broadcasting). أعِد
    ``Z`` والذاكرة المؤقتة (cache) ``(A, W, b)``.
    """
    # BEGIN SOLUTION
    # HINT: np.dot; b is broadcast over the m columns
    # HINT: np.dot؛ ويُضاف b إلى كل عمود بالبثّ (broadcasting)
    Z = np.dot(W, A) + b
    # END SOLUTION
    cache = (A, W, b)
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    """Forward propagation of one layer: LINEAR -> ACTIVATION.

    Parameters
    ----------
    A_prev : numpy.ndarray, shape (n_{l-1}, m)
        Activations from the previous layer.
    W : numpy.ndarray, shape (n_l, n_{l-1})
        Weight matrix.
    b : numpy.ndarray, shape (n_l, 1)
        Bias vector.
    activation : {"sigmoid", "relu"}
        The activation of this layer.

    Returns
    -------
    A : numpy.ndarray, shape (n_l, m)
        Post-activation.
    cache : tuple
        ``(linear_cache, activation_cache)`` = ``((A_prev, W, b), Z)``.

    Notes
    -----
    العربية: طبقة كاملة في الانتشار الأمامي: الجزء الخطي ثم دالة التنشيط (activation
    function) ``"sigmoid"`` أو ``"relu"``. استعمل ``linear_forward`` ثم ``sigmoid(Z)``
    أو ``relu(Z)``؛ كلٌّ منهما يُعيد ``(A, Z)``. الذاكرة المؤقتة
    ``((A_prev, W, b), Z)``.
    """
    if activation == "sigmoid":
        # BEGIN SOLUTION
        # HINT: Z, linear_cache = linear_forward(...); A, activation_cache = sigmoid(Z)
        # HINT: Z, linear_cache = linear_forward(...)؛ ثم A, activation_cache = sigmoid(Z)
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
        # END SOLUTION
    elif activation == "relu":
        # BEGIN SOLUTION
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
        # END SOLUTION
    else:
        raise ValueError(
            f"activation must be 'sigmoid' or 'relu', got {activation!r} / "
            f"يجب أن تكون دالة التنشيط 'sigmoid' أو 'relu'"
        )
    cache = (linear_cache, activation_cache)
    return A, cache


def L_model_forward(X, parameters):
    """Forward propagation of the whole network: [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
        Input data, one example per column.
    parameters : dict
        ``"W1", "b1", ..., "WL", "bL"`` as returned by ``initialize_parameters_deep``.

    Returns
    -------
    AL : numpy.ndarray, shape (1, m)
        Output of the last (sigmoid) layer: the predicted probabilities.
    caches : list of tuple
        The ``L`` caches of ``linear_activation_forward``, in layer order (index ``l - 1`` holds
        layer ``l``).

    Notes
    -----
    العربية: الانتشار الأمامي للشبكة كلها: الطبقات من 1 إلى ``L-1`` تستعمل ReLU، والطبقة
    الأخيرة ``L`` تستعمل الدالة السينية (sigmoid). عدد الطبقات ``L = len(parameters) // 2``.
    اجمع الذاكرات المؤقتة (caches) في قائمة بترتيب الطبقات.
    """
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers with parameters

    for l in range(1, L):
        A_prev = A
        # BEGIN SOLUTION
        # HINT: linear_activation_forward(A_prev, parameters["W" + str(l)], ..., "relu")
        # HINT: استدعِ linear_activation_forward(A_prev, parameters["W" + str(l)], ..., "relu")
        A, cache = linear_activation_forward(
            A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu"
        )
        caches.append(cache)
        # END SOLUTION

    # BEGIN SOLUTION
    # HINT: the last layer L uses "sigmoid"
    # HINT: الطبقة الأخيرة L تستعمل "sigmoid"
    AL, cache = linear_activation_forward(
        A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid"
    )
    caches.append(cache)
    # END SOLUTION

    return AL, caches


def compute_cost(AL, Y):
    """Cross-entropy cost averaged over the ``m`` examples.

    ``J = -(1/m) * sum(Y * log(AL) + (1 - Y) * log(1 - AL))``

    Requirement: ``compute_cost`` returns the cost as a single number: ``np.squeeze`` turns the
    ``(1, 1)`` result of ``np.dot`` into a 0-d array, and ``np.sum`` already gives a NumPy
    float; both are accepted, a ``(1, 1)`` array is not.

    Parameters
    ----------
    AL : numpy.ndarray, shape (1, m)
        Predicted probabilities.
    Y : numpy.ndarray, shape (1, m)
        True labels (0 or 1).

    Returns
    -------
    cost : float or numpy.ndarray, shape ()
        A single number.

    Notes
    -----
    العربية: احسب التكلفة (cost) بالإنتروبيا التقاطعية (cross-entropy)، أي متوسط الخسارة على
    الأمثلة البالغ عددها ``m``؛ ثم أعِدها عددًا واحدًا (``np.squeeze`` يجعل ``[[17]]`` العددَ ``17``).

    الشرط: تُعيد ``compute_cost`` التكلفةَ عددًا واحدًا: يحوّل ``np.squeeze`` ناتجَ ``np.dot``
    ذا الشكل ``(1, 1)`` إلى مصفوفة صفريّة الأبعاد، ويعطي ``np.sum`` عددًا من نوع NumPy float
    أصلًا؛ وكلاهما مقبول، أما المصفوفة ذات الشكل ``(1, 1)`` فلا.
    """
    m = Y.shape[1]
    # BEGIN SOLUTION
    # HINT: np.log, np.dot with a transpose (or np.sum), and the factor 1 / m
    # HINT: np.log، و np.dot مع منقول (أو np.sum)، والعامل 1 / m
    cost = (1.0 / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
    # END SOLUTION
    cost = np.squeeze(cost)  # turns [[17]] into 17, a 0-d array
    return cost


def linear_backward(dZ, cache):
    """Linear part of a layer's backward propagation.

    Parameters
    ----------
    dZ : numpy.ndarray, shape (n_l, m)
        Gradient of the cost with respect to this layer's ``Z``.
    cache : tuple
        ``(A_prev, W, b)`` from ``linear_forward``.

    Returns
    -------
    dA_prev : numpy.ndarray, shape (n_{l-1}, m)
        ``W.T @ dZ``.
    dW : numpy.ndarray, shape (n_l, n_{l-1})
        ``dZ @ A_prev.T / m``.
    db : numpy.ndarray, shape (n_l, 1)
        Row sums of ``dZ`` divided by ``m`` (``keepdims=True``).

    Notes
    -----
    العربية: الجزء الخطي من الانتشار الخلفي (backward propagation):
    ``dW = (1/m) dZ A_prev^T``، و ``db`` مجموع كل صفٍّ من صفوف ``dZ`` مقسومًا على ``m``
    (مع ``keepdims=True``)، و ``dA_prev = W^T dZ``. لاحظ أن ``dW`` بشكل ``W`` و ``db`` بشكل
    ``b``.
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]

    # BEGIN SOLUTION
    # HINT: np.dot, .T and np.sum(..., axis=1, keepdims=True)
    # HINT: np.dot و .T و np.sum(..., axis=1, keepdims=True)
    dW = (1.0 / m) * np.dot(dZ, A_prev.T)
    db = (1.0 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    # END SOLUTION

    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """Backward propagation of one layer: ACTIVATION -> LINEAR.

    Parameters
    ----------
    dA : numpy.ndarray, shape (n_l, m)
        Gradient of the cost with respect to this layer's activation.
    cache : tuple
        ``(linear_cache, activation_cache)`` from ``linear_activation_forward``.
    activation : {"sigmoid", "relu"}
        The activation used by this layer in the forward pass.

    Returns
    -------
    dA_prev : numpy.ndarray, shape (n_{l-1}, m)
    dW : numpy.ndarray, shape (n_l, n_{l-1})
    db : numpy.ndarray, shape (n_l, 1)

    Notes
    -----
    العربية: الانتشار الخلفي لطبقة كاملة: احسب ``dZ`` بالدالة المساعدة المناسبة
    ``relu_backward(dA, activation_cache)`` أو ``sigmoid_backward(dA, activation_cache)``
    ثم مرِّره إلى ``linear_backward``.
    """
    linear_cache, activation_cache = cache

    if activation == "relu":
        # BEGIN SOLUTION
        # HINT: dZ = relu_backward(dA, activation_cache), then linear_backward
        # HINT: dZ = relu_backward(dA, activation_cache)، ثم linear_backward
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        # END SOLUTION
    elif activation == "sigmoid":
        # BEGIN SOLUTION
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        # END SOLUTION
    else:
        raise ValueError(
            f"activation must be 'sigmoid' or 'relu', got {activation!r} / "
            f"يجب أن تكون دالة التنشيط 'sigmoid' أو 'relu'"
        )

    return dA_prev, dW, db


def L_model_backward(AL, Y, caches):
    """Backward propagation of the whole network: [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID.

    Parameters
    ----------
    AL : numpy.ndarray, shape (1, m)
        Output of the forward pass.
    Y : numpy.ndarray, shape (1, m)
        True labels.
    caches : list of tuple
        The ``L`` caches returned by ``L_model_forward``.

    Returns
    -------
    grads : dict
        ``"dA0" .. "dA{L-1}"`` (``"dA" + str(l)`` is the gradient with respect to ``A^[l]``;
        ``"dA0"`` with respect to ``X``), ``"dW1" .. "dWL"`` and ``"db1" .. "dbL"``.

    Notes
    -----
    العربية: الانتشار الخلفي للشبكة كلها. ابدأ بـ
    ``dAL = -(Y / AL - (1 - Y) / (1 - AL))``، ثم الطبقة ``L`` (sigmoid)، ثم الطبقات من
    ``L-1`` نزولًا إلى 1 (ReLU). خزِّن ``grads["dA" + str(l - 1)]`` و ``grads["dW" + str(l)]``
    و ``grads["db" + str(l)]`` لكل طبقة ``l``.
    """
    grads = {}
    L = len(caches)  # the number of layers
    Y = Y.reshape(AL.shape)  # after this line, Y is the same shape as AL

    # BEGIN SOLUTION
    # HINT: the derivative of the cost with respect to AL
    # HINT: مشتقة التكلفة بالنسبة إلى AL
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    # END SOLUTION

    # Layer L: SIGMOID -> LINEAR.
    # BEGIN SOLUTION
    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp
    # END SOLUTION

    # Layers L-1 .. 1: RELU -> LINEAR.
    for l in reversed(range(L - 1)):
        # BEGIN SOLUTION
        # HINT: caches[l] belongs to layer l + 1
        # HINT: caches[l] تخصّ الطبقة l + 1
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(
            grads["dA" + str(l + 1)], current_cache, "relu"
        )
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
        # END SOLUTION

    return grads


def update_parameters(params, grads, learning_rate):
    """One step of gradient descent: ``W := W - alpha dW``, ``b := b - alpha db``.

    Requirement: ``update_parameters`` returns a new dictionary and leaves ``params`` unchanged:
    it works on ``copy.deepcopy(params)``.

    Parameters
    ----------
    params : dict
        ``"W1", "b1", ..., "WL", "bL"``; never modified.
    grads : dict
        Output of ``L_model_backward`` (needs ``"dWl"`` and ``"dbl"``).
    learning_rate : float
        The step size ``alpha``.

    Returns
    -------
    parameters : dict
        A new dictionary with the updated arrays, same keys and shapes as ``params``.

    Notes
    -----
    العربية: خطوة واحدة من النزول التدرّجي (gradient descent) بمعدّل التعلّم (learning rate)
    ``alpha``: ``W = W - alpha dW`` و ``b = b - alpha db`` لكل طبقة. أعِد قاموسًا جديدًا ولا
    تغيّر ``params`` نفسه (النسخة ``copy.deepcopy`` مكتوبة لك).

    الشرط: تُعيد ``update_parameters`` قاموسًا جديدًا وتترك ``params`` دون تغيير: تعمل على
    ``copy.deepcopy(params)``.
    """
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2  # number of layers

    for l in range(L):
        # BEGIN SOLUTION
        # HINT: layer l + 1; write parameters["W" + str(l + 1)] = parameters[...] - ...
        # HINT: الطبقة l + 1؛ اكتب parameters["W" + str(l + 1)] = parameters[...] - ...
        parameters["W" + str(l + 1)] = (
            parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        )
        parameters["b" + str(l + 1)] = (
            parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
        )
        # END SOLUTION

    return parameters
