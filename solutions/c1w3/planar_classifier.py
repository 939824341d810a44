"""The assignment of Course 1, Week 3: planar data classification with one hidden layer.

واجب الأسبوع الثالث من المقرر الأول: تصنيف بيانات مستوية بشبكة ذات طبقة مخفية واحدة.

The network is LINEAR -> TANH -> LINEAR -> SIGMOID. Conventions (the original course's): data is
column-major, ``X`` has shape ``(n_x, m)`` and ``Y``/``A2`` have shape ``(1, m)``; ``parameters``
maps ``"W1", "b1", "W2", "b2"`` to arrays of shapes ``(n_h, n_x)``, ``(n_h, 1)``, ``(n_y, n_h)``,
``(n_y, 1)``; the forward cache is a dict with ``"Z1", "A1", "Z2", "A2"``. Where Week 4 differs,
Week 3 keeps its own convention: ``initialize_parameters`` does not seed (``nn_model`` seeds
``np.random.seed(3)``), ``compute_cost`` returns a Python ``float``, ``update_parameters`` has the
default learning rate 1.2 and ``predict(parameters, X)`` returns booleans.
"""

import copy

import numpy as np

from .planar_utils import sigmoid


def layer_sizes(X, Y):
    """The sizes of the three layers: input, hidden (fixed at 4 here) and output.

    Requirement: ``layer_sizes`` returns the tuple ``(n_x, n_h, n_y)``: the rows of ``X``, 4,
    and the rows of ``Y``.

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
        Input data, one example per column.
    Y : numpy.ndarray, shape (n_y, m)
        Labels.

    Returns
    -------
    sizes : tuple of int
        ``(n_x, n_h, n_y)`` with ``n_h = 4``.

    Notes
    -----
    العربية: أعِد أحجام الطبقات الثلاث في صف (tuple): ``n_x`` عدد صفوف ``X`` (حجم طبقة الإدخال)،
    و ``n_h = 4`` ثابتًا (عدد الوحدات المخفية في هذا التمرين وحده)، و ``n_y`` عدد صفوف ``Y``
    (حجم طبقة الإخراج).

    الشرط: تُعيد ``layer_sizes`` الصفّ المرتّب (tuple) ``(n_x, n_h, n_y)``: عدد صفوف ``X``، ثم
    4، ثم عدد صفوف ``Y``.
    """
    # BEGIN SOLUTION
    # HINT: X.shape[0] and Y.shape[0]; the hidden layer has 4 units
    # HINT: X.shape[0] و Y.shape[0]؛ وفي الطبقة المخفية 4 وحدات
    n_x = X.shape[0]
    n_h = 4
    n_y = Y.shape[0]
    # END SOLUTION
    return (n_x, n_h, n_y)


def initialize_parameters(n_x, n_h, n_y):
    """Random small weights and zero biases for the two layers.

    Does not seed: the caller does (the course's test seeds ``np.random.seed(2)`` first,
    ``nn_model`` seeds ``np.random.seed(3)``). Draws ``W1`` before ``W2``.

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
    العربية: هيِّئ (initialize) المعاملات: أوزان عشوائية صغيرة ``np.random.randn(...) * 0.01``،
    ``W1`` أولًا ثم ``W2``، وانحيازات أصفار. لا تضع بذرة (seed) هنا: مَن يستدعي الدالة يضعها.
    الأوزان العشوائية تكسر التماثل (symmetry breaking) بين الوحدات المخفية؛ ولو بدأت أصفارًا لبقيت
    الوحدات كلها متطابقة.
    """
    # BEGIN SOLUTION
    # HINT: np.random.randn(rows, columns) * 0.01 and np.zeros((rows, 1)); W1 before W2
    # HINT: np.random.randn(rows, columns) * 0.01 و np.zeros((rows, 1))؛ و W1 قبل W2
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    # END SOLUTION

    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def forward_propagation(X, parameters):
    """Forward pass: ``Z1 = W1 X + b1``, ``A1 = tanh(Z1)``, ``Z2 = W2 A1 + b2``, ``A2 = sigmoid(Z2)``.

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
        Input data.
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h), ``"b2"`` (n_y, 1).

    Returns
    -------
    A2 : numpy.ndarray, shape (n_y, m)
        The output: the probability of class 1 for every example.
    cache : dict
        ``"Z1"`` and ``"A1"`` of shape (n_h, m), ``"Z2"`` and ``"A2"`` of shape (n_y, m).

    Notes
    -----
    العربية: الانتشار الأمامي (forward propagation): الطبقة المخفية تستعمل الظل الزائدي
    (``np.tanh``) وطبقة الإخراج تستعمل الدالة السينية ``sigmoid`` المستوردة من
    ``planar_utils``. أعِد ``A2`` والذاكرة المؤقتة (cache) قاموسًا فيه ``"Z1"`` و ``"A1"``
    و ``"Z2"`` و ``"A2"``.
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # BEGIN SOLUTION
    # HINT: np.dot (b is broadcast over the m columns), np.tanh, then sigmoid
    # HINT: np.dot (ويُبَثّ b على الأعمدة m)، ثم np.tanh، ثم sigmoid
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    # END SOLUTION

    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


def compute_cost(A2, Y):
    """Cross-entropy cost averaged over the ``m`` examples, as a Python ``float``.

    ``J = -(1/m) * sum(Y * log(A2) + (1 - Y) * log(1 - A2))``

    Requirement: ``compute_cost`` returns the cost as a Python ``float``: convert the sum with
    ``float(np.squeeze(cost))`` (``np.sum`` gives a NumPy float, and ``float()`` of a ``(1, 1)``
    array fails on recent NumPy).

    Parameters
    ----------
    A2 : numpy.ndarray, shape (1, m)
        Predicted probabilities.
    Y : numpy.ndarray, shape (1, m)
        True labels (0/1, booleans or ``uint8`` work too).

    Returns
    -------
    cost : float
        A Python float (the line ``cost = float(np.squeeze(cost))`` is written for you).

    Notes
    -----
    العربية: احسب التكلفة (cost) بالإنتروبيا التقاطعية (cross-entropy) مُتوسَّطةً على الأمثلة
    ``m``. السطر ``cost = float(np.squeeze(cost))`` مكتوب لك بعد منطقة الحل: يزيل ``np.squeeze``
    الأبعاد الزائدة أولًا، لأن ``float`` على مصفوفة بالشكل ``(1, 1)`` يرفع خطأً في إصدارات NumPy
    الحديثة.

    الشرط: تُعيد ``compute_cost`` التكلفةَ عددًا عشريًّا من نوع ``float`` في Python: حوِّل
    المجموع بـ ``float(np.squeeze(cost))`` (فالدالة ``np.sum`` تعطي عددًا من نوع NumPy float،
    والدالة ``float()`` تفشل على مصفوفة شكلها ``(1, 1)`` في إصدارات NumPy الحديثة).
    """
    m = Y.shape[1]
    # BEGIN SOLUTION
    # HINT: np.multiply (or *) and np.log, then np.sum and the factor -1 / m
    # HINT: np.multiply (أو *) و np.log، ثم np.sum والمعامل -1 / m
    logprobs = np.multiply(Y, np.log(A2)) + np.multiply(1 - Y, np.log(1 - A2))
    cost = -np.sum(logprobs) / m
    # END SOLUTION
    cost = float(np.squeeze(cost))  # [[0.69]] or 0.69 -> 0.69; float() of a (1, 1) array raises
    return cost


def backward_propagation(parameters, cache, X, Y):
    """Backward pass: the gradients of the cost with respect to ``W1, b1, W2, b2``.

    ``dZ2 = A2 - Y``; ``dW2 = dZ2 A1^T / m``; ``db2 = sum_rows(dZ2) / m``;
    ``dZ1 = (W2^T dZ2) * (1 - A1**2)``; ``dW1 = dZ1 X^T / m``; ``db1 = sum_rows(dZ1) / m``.

    Parameters
    ----------
    parameters : dict
        ``"W1", "b1", "W2", "b2"`` (only ``W2`` is needed).
    cache : dict
        ``"Z1", "A1", "Z2", "A2"`` from ``forward_propagation`` (only ``A1`` and ``A2``).
    X : numpy.ndarray, shape (n_x, m)
        Input data.
    Y : numpy.ndarray, shape (1, m)
        True labels.

    Returns
    -------
    grads : dict
        ``"dW1"`` (n_h, n_x), ``"db1"`` (n_h, 1), ``"dW2"`` (n_y, n_h), ``"db2"`` (n_y, 1):
        each gradient has the shape of its parameter.

    Notes
    -----
    العربية: الانتشار الخلفي (backward propagation) بالمعادلات الست. مشتقة الظل الزائدي هي
    ``1 - A1**2`` (استعمل ``np.power(A1, 2)``)، والضرب في ``dZ1`` ضربٌ عنصرًا بعنصر. اجمع على
    الأمثلة بالدالة ``np.sum(..., axis=1, keepdims=True)`` ليبقى ``db`` بشكل ``b``.
    """
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]

    # BEGIN SOLUTION
    # HINT: six lines, output layer first; tanh'(Z1) = 1 - np.power(A1, 2)
    # HINT: ستة أسطر، طبقة الإخراج أولًا؛ و tanh'(Z1) = 1 - np.power(A1, 2)
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    # END SOLUTION

    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads


def update_parameters(parameters, grads, learning_rate=1.2):
    """One step of gradient descent: ``theta := theta - learning_rate * d_theta``.

    Requirement: ``update_parameters`` takes the learning rate as its third argument, 1.2 when
    it is not given.

    Parameters
    ----------
    parameters : dict
        ``"W1", "b1", "W2", "b2"``; never modified.
    grads : dict
        ``"dW1", "db1", "dW2", "db2"`` from ``backward_propagation``.
    learning_rate : float, default 1.2
        The step size (Week 3's default).

    Returns
    -------
    parameters : dict
        A new dictionary with the updated arrays, same keys and shapes.

    Notes
    -----
    العربية: خطوة واحدة من النزول التدرّجي (gradient descent) بمعدّل التعلّم (learning rate)
    الافتراضي 1.2. النسخ ``copy.deepcopy`` مكتوبة لك، فلا يتغيّر القاموس الذي مُرِّر إلى الدالة.

    الشرط: تأخذ ``update_parameters`` معدّل التعلّم وسيطًا ثالثًا، وقيمته 1.2 إن لم يُعطَ.
    """
    W1 = copy.deepcopy(parameters["W1"])
    b1 = copy.deepcopy(parameters["b1"])
    W2 = copy.deepcopy(parameters["W2"])
    b2 = copy.deepcopy(parameters["b2"])

    # BEGIN SOLUTION
    # HINT: W1 = W1 - learning_rate * grads["dW1"], and the same for b1, W2, b2
    # HINT: W1 = W1 - learning_rate * grads["dW1"]، وكذلك b1 و W2 و b2
    W1 = W1 - learning_rate * grads["dW1"]
    b1 = b1 - learning_rate * grads["db1"]
    W2 = W2 - learning_rate * grads["dW2"]
    b2 = b2 - learning_rate * grads["db2"]
    # END SOLUTION

    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """Train the one-hidden-layer network with gradient descent.

    Seeds ``np.random.seed(3)``, takes ``n_x`` and ``n_y`` from ``layer_sizes``, initialises with
    ``initialize_parameters(n_x, n_h, n_y)``, then repeats forward propagation, cost, backward
    propagation and the update (learning rate 1.2, the default).

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
        Input data (the flower: (2, 400)).
    Y : numpy.ndarray, shape (1, m)
        Labels.
    n_h : int
        Size of the hidden layer.
    num_iterations : int, default 10000
        Number of gradient-descent iterations.
    print_cost : bool, default False
        Print the cost every 1000 iterations (iteration 0 first).

    Returns
    -------
    parameters : dict
        The learnt ``"W1", "b1", "W2", "b2"``.

    Notes
    -----
    العربية: درِّب الشبكة. البذرة ``np.random.seed(3)`` وحجما طبقتَي الإدخال والإخراج مكتوبة لك.
    هيِّئ المعاملات بالدالة ``initialize_parameters(n_x, n_h, n_y)``، ثم كرِّر في كل تكرار
    (iteration): الانتشار الأمامي، فالتكلفة، فالانتشار الخلفي، فتحديث المعاملات.
    """
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]

    # BEGIN SOLUTION
    # HINT: initialize_parameters(n_x, n_h, n_y)
    # HINT: استدعِ initialize_parameters(n_x, n_h, n_y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    # END SOLUTION

    for i in range(0, num_iterations):
        # BEGIN SOLUTION
        # HINT: forward, cost, backward, update: one line each
        # HINT: انتشار أمامي، فتكلفة، فانتشار خلفي، فتحديث: سطر واحد لكلٍّ منها
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        # END SOLUTION

        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))

    return parameters


def predict(parameters, X):
    """Predict a class for every example: True where ``A2 > 0.5``.

    Requirement: ``predict`` returns ``A2 > 0.5``: an array of booleans of shape ``(1, m)``,
    True for class 1.

    Parameters
    ----------
    parameters : dict
        A trained model's ``"W1", "b1", "W2", "b2"``.
    X : numpy.ndarray, shape (n_x, m)
        Examples to label.

    Returns
    -------
    predictions : numpy.ndarray of bool, shape (1, m)
        True (blue, 1) where the probability is strictly greater than 0.5, else False (red, 0).

    Notes
    -----
    العربية: تنبّأ (predict) بصنف كل مثال: شغّل ``forward_propagation`` ثم قارن الاحتمال بالعتبة
    0.5 مقارنةً صارمة (``A2 > 0.5``)، فتكون النتيجة مصفوفة قيم منطقية (booleans). لا تحوّلها إلى
    ``uint8``: حساب الدقة (accuracy) بمعادلة المقرر مع وسوم ``uint8`` يفيض حينئذٍ.

    الشرط: تُعيد ``predict`` القيمة ``A2 > 0.5``: مصفوفة قيم منطقية (booleans) شكلها ``(1, m)``،
    قيمتها True للصنف 1.
    """
    # BEGIN SOLUTION
    # HINT: A2, cache = forward_propagation(X, parameters); then a strict > 0.5 comparison
    # HINT: A2, cache = forward_propagation(X, parameters)؛ ثم مقارنة صارمة > 0.5
    A2, cache = forward_propagation(X, parameters)
    predictions = A2 > 0.5
    # END SOLUTION
    return predictions
