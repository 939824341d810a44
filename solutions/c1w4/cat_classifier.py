"""Assignment 2 of Course 1, Week 4: deep neural network application, cat vs non-cat.

الواجب الثاني من الأسبوع الرابع: تطبيق الشبكة العصبية العميقة لتمييز صور القطط من غيرها.

The models are built from the step-by-step functions of assignment 1 (imported below) and use the
course's conventions: ``X`` of shape ``(n_x, m)``, ``Y`` of shape ``(1, m)``. Both models seed
``np.random.seed(1)`` before initialising and record the cost every 100 iterations.
"""

import numpy as np

from .step_by_step import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters,
    linear_activation_backward,
    linear_activation_forward,
    update_parameters,
)


def initialize_parameters_deep_scaled(layer_dims):
    """Provided (not graded): the application's deep initialiser, ``W_l = randn / sqrt(n_{l-1})``.

    Seeds ``np.random.seed(1)`` itself. Dividing by ``sqrt(n_{l-1})`` keeps each unit's sum of
    ``n_{l-1}`` terms at the scale of its inputs, however wide the layer. It does not keep the
    variance near 1 in every layer: ReLU zeroes about half of the values, so the mean square of
    the activations roughly halves from layer to layer (He initialisation, ``* sqrt(2 / n_{l-1})``,
    makes up for that), which four layers tolerate. With the ``* 0.01`` initialiser of
    assignment 1 the mean square of ``Z`` drops a thousandfold or more at every layer and the
    4-layer cat model never learns (it predicts non-cat for every image).

    Parameters
    ----------
    layer_dims : list of int
        ``[n_0, n_1, ..., n_L]``.

    Returns
    -------
    parameters : dict
        ``"Wl"`` shape (layer_dims[l], layer_dims[l-1]), ``"bl"`` shape (layer_dims[l], 1).

    Notes
    -----
    العربية: دالة تهيئة (initialization) جاهزة لا تُقيَّم: ``W_l = randn(n_l, n_{l-1}) /
    sqrt(n_{l-1})`` مع البذرة ``np.random.seed(1)``. القسمة على ``sqrt(n_{l-1})`` تُبقي مجموع
    كل وحدة بمقياس مُدخلاتها أيًّا كان عرض الطبقة، لكنها لا تُبقي التباين قريبًا من 1 في كل
    طبقة: فالدالة ReLU تجعل نحو نصف القيم أصفارًا، فينقص متوسط مربعات التنشيطات إلى النصف تقريبًا
    من طبقة إلى التي تليها (وتعوّض تهيئة He ذلك بالضرب في ``sqrt(2 / n_{l-1})``)، وهذا نقصٌ
    تحتمله أربع طبقات. أما التهيئة ``* 0.01`` فتُنقص متوسط مربعات ``Z`` ألف مرة أو أكثر في كل
    طبقة، فلا يتعلّم نموذج الطبقات الأربع شيئًا (يتنبّأ بأن كل صورة ليست قطة).
    """
    np.random.seed(1)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(
            layer_dims[l - 1]
        )
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train a 2-layer network: LINEAR -> RELU -> LINEAR -> SIGMOID.

    Requirement: The model returns ``costs`` holding the cost at iterations 0, 100, 200, ...
    (one value every 100 iterations).

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
        Input data.
    Y : numpy.ndarray, shape (1, m)
        Labels (1 = cat, 0 = non-cat).
    layers_dims : tuple of int
        ``(n_x, n_h, n_y)``.
    learning_rate : float, default 0.0075
        Gradient-descent step size.
    num_iterations : int, default 3000
        Number of gradient-descent iterations.
    print_cost : bool, default False
        Print the cost every 100 iterations and at the last iteration.

    Returns
    -------
    parameters : dict
        The learnt ``"W1", "b1", "W2", "b2"``.
    costs : list
        The cost at iterations 0, 100, 200, ... (every 100 iterations).

    Notes
    -----
    العربية: درِّب شبكة من طبقتين. في كل تكرار (iteration): انتشار أمامي بطبقتين
    (``relu`` ثم ``sigmoid``)، ثم التكلفة، ثم ``dA2 = -(Y / A2 - (1 - Y) / (1 - A2))``،
    ثم الانتشار الخلفي للطبقتين، ثم تحديث المعاملات. سجِّل التكلفة كل 100 تكرار بدءًا من
    التكرار 0.

    الشرط: يُعيد النموذج القائمة ``costs`` وفيها التكلفة عند التكرارات 0 و 100 و 200 و... (قيمة
    واحدة كل 100 تكرار).
    """
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims

    # BEGIN SOLUTION
    # HINT: initialize_parameters(n_x, n_h, n_y)
    # HINT: استدعِ initialize_parameters(n_x, n_h, n_y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    # END SOLUTION

    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    for i in range(0, num_iterations):
        # BEGIN SOLUTION
        # HINT: forward (relu, then sigmoid), cost, dA2, backward (sigmoid, then relu)
        # HINT: الانتشار الأمامي (relu ثم sigmoid)، ثم التكلفة، ثم dA2، ثم الانتشار الخلفي (sigmoid ثم relu)
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        # END SOLUTION

        grads["dW1"] = dW1
        grads["db1"] = db1
        grads["dW2"] = dW2
        grads["db2"] = db2

        # BEGIN SOLUTION
        parameters = update_parameters(parameters, grads, learning_rate)
        # END SOLUTION

        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0:
            costs.append(cost)

    return parameters, costs


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train an L-layer network: [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID.

    Requirement: The model returns ``costs`` holding the cost at iterations 0, 100, 200, ...
    (one value every 100 iterations).

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
        Input data.
    Y : numpy.ndarray, shape (1, m)
        Labels (1 = cat, 0 = non-cat).
    layers_dims : list of int
        ``[n_x, n_1, ..., n_L]``.
    learning_rate : float, default 0.0075
        Gradient-descent step size.
    num_iterations : int, default 3000
        Number of gradient-descent iterations.
    print_cost : bool, default False
        Print the cost every 100 iterations and at the last iteration.

    Returns
    -------
    parameters : dict
        The learnt ``"W1", "b1", ..., "WL", "bL"``.
    costs : list
        The cost at iterations 0, 100, 200, ... (every 100 iterations).

    Notes
    -----
    العربية: درِّب شبكة من L طبقة. هيِّئ المعاملات بالدالة الجاهزة
    ``initialize_parameters_deep_scaled``، ثم كرِّر: ``L_model_forward`` ثم ``compute_cost``
    ثم ``L_model_backward`` ثم ``update_parameters``. سجِّل التكلفة كل 100 تكرار بدءًا من
    التكرار 0.

    الشرط: يُعيد النموذج القائمة ``costs`` وفيها التكلفة عند التكرارات 0 و 100 و 200 و... (قيمة
    واحدة كل 100 تكرار).
    """
    np.random.seed(1)
    costs = []

    # BEGIN SOLUTION
    # HINT: use the provided initialize_parameters_deep_scaled(layers_dims)
    # HINT: استعمل الدالة المُعطاة initialize_parameters_deep_scaled(layers_dims)
    parameters = initialize_parameters_deep_scaled(layers_dims)
    # END SOLUTION

    for i in range(0, num_iterations):
        # BEGIN SOLUTION
        # HINT: forward, cost, backward, update: one line each
        # HINT: انتشار أمامي، فتكلفة، فانتشار خلفي، فتحديث: سطر واحد لكلٍّ منها
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        # END SOLUTION

        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0:
            costs.append(cost)

    return parameters, costs


def predict(X, y, parameters):
    """Predict labels with a trained network and print the accuracy.

    Requirement: ``predict`` returns ``p``, an array of shape ``(1, m)`` holding 0 or 1 for each
    example (a float array, as ``np.zeros((1, m))`` gives; integers are accepted too), not
    booleans or probabilities.

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
        Examples to label.
    y : numpy.ndarray, shape (1, m)
        True labels, used only to print the accuracy.
    parameters : dict
        A trained model's ``"W1", "b1", ..., "WL", "bL"``.

    Returns
    -------
    p : numpy.ndarray, shape (1, m)
        Predictions, 1.0 where the probability is strictly greater than 0.5, else 0.0.

    Notes
    -----
    العربية: تنبّأ (predict) بالوسوم: شغّل ``L_model_forward`` ثم اجعل التنبؤ 1 حيث
    الاحتمال أكبر من 0.5 تمامًا (``> 0.5``) و 0 فيما عدا ذلك، ثم اطبع الدقة (accuracy).

    الشرط: تُعيد ``predict`` المصفوفة ``p`` ذات الشكل ``(1, m)`` وفيها 0 أو 1 لكل مثال (مصفوفة
    أعداد عشرية كما يعطيها ``np.zeros((1, m))``؛ وتُقبل الأعداد الصحيحة أيضًا)، لا قيمًا منطقية
    (booleans) ولا احتمالات.
    """
    m = X.shape[1]
    p = np.zeros((1, m))

    # BEGIN SOLUTION
    # HINT: probas, caches = L_model_forward(X, parameters); then a strict > 0.5 threshold
    # HINT: probas, caches = L_model_forward(X, parameters)؛ ثم عتبة صارمة > 0.5
    probas, caches = L_model_forward(X, parameters)
    p[probas > 0.5] = 1
    # END SOLUTION

    print("Accuracy: " + str(np.sum((p == y) / m)))
    return p
