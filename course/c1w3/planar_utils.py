"""Provided helpers for Course 1, Week 3 (given to students, not graded).

الدوال المساعدة للأسبوع الثالث من المقرر الأول: تُعطى للطلاب جاهزةً ولا تُقيَّم.

* ``load_planar_dataset`` - the two-class "flower" in the plane, generated here with the course's
  seed and recipe, so nothing is downloaded: ``X`` of shape (2, 400), ``Y`` of shape (1, 400),
  dtype ``uint8``;
* ``load_extra_datasets`` - the course's four other planar data sets (noisy circles, noisy moons,
  blobs, Gaussian quantiles) and a structureless one, from scikit-learn's generators;
* ``sigmoid`` - returns the array only (Week 4's helper also returns a cache);
* ``accuracy_percent`` - the share of correct labels, counted so ``uint8`` labels cannot overflow;
* ``decision_grid`` and ``plot_decision_boundary`` - a classifier's decision over the plane;
* ``logistic_regression_baseline`` - scikit-learn's cross-validated logistic regression, the
  linear model the assignment compares the network with.

scikit-learn and matplotlib are imported inside the functions that need them, so importing this
module (and the exercises that use ``sigmoid``) stays fast.
"""

import warnings

import numpy as np

# The flower's recipe (the course's values): 400 points, 200 per class, petals of length 4.
FLOWER_EXAMPLES = 400
FLOWER_PETAL_LENGTH = 4
FLOWER_ANGLE_SPAN = 3.12  # each class covers angles [3.12 j, 3.12 (j + 1)]
FLOWER_NOISE = 0.2
FLOWER_SEED = 1

EXTRA_EXAMPLES = 200  # every extra data set has 200 points


def load_planar_dataset():
    """Generate the course's "flower": two classes of points in the plane.

    Seeds ``np.random.seed(1)`` (the global generator, as the course does), then for class
    ``j = 0`` and ``j = 1`` in turn draws the angle noise and then the radius noise of its 200
    points: ``t = linspace(3.12 j, 3.12 (j + 1), 200) + 0.2 randn(200)``,
    ``r = 4 sin(4 t) + 0.2 randn(200)``, point ``(r sin t, r cos t)``.

    Returns
    -------
    X : numpy.ndarray, shape (2, 400), dtype float64
        The points, one example per column (``x1`` in row 0, ``x2`` in row 1).
    Y : numpy.ndarray, shape (1, 400), dtype uint8
        The labels: 0 (red) for the first 200 points, 1 (blue) for the last 200.

    Notes
    -----
    العربية: تولِّد بيانات «الزهرة» المستوية (planar data): 400 نقطة في المستوى من صنفين، بالبذرة
    (seed) ``np.random.seed(1)`` وبطريقة المقرر نفسها، فلا يُنزَّل شيء. ``X`` بالشكل ``(2, 400)``
    و ``Y`` بالشكل ``(1, 400)`` ونوعه ``uint8``؛ انتبه: جمع أعداد ``uint8`` كثيرة يفيض
    (overflow) بعد 255، فاحسب الدقة (accuracy) بالدالة ``accuracy_percent``.
    """
    np.random.seed(FLOWER_SEED)
    per_class = FLOWER_EXAMPLES // 2
    points = np.zeros((FLOWER_EXAMPLES, 2))
    labels = np.zeros((FLOWER_EXAMPLES, 1), dtype=np.uint8)
    for label in (0, 1):
        rows = slice(label * per_class, (label + 1) * per_class)
        start, stop = FLOWER_ANGLE_SPAN * label, FLOWER_ANGLE_SPAN * (label + 1)
        # Draw order matters for the course's numbers: angle noise first, then radius noise.
        theta = np.linspace(start, stop, per_class) + np.random.randn(per_class) * FLOWER_NOISE
        radius = (FLOWER_PETAL_LENGTH * np.sin(4 * theta)
                  + np.random.randn(per_class) * FLOWER_NOISE)
        points[rows, 0] = radius * np.sin(theta)
        points[rows, 1] = radius * np.cos(theta)
        labels[rows, 0] = label
    return points.T, labels.T


def load_extra_datasets():
    """The course's other planar data sets, from scikit-learn's generators.

    Every set has 200 points. Only ``blobs`` has a fixed ``random_state`` (5); the others draw
    from NumPy's global generator, so seed it first for repeatable sets (the course does not).

    Returns
    -------
    noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure : tuple
        Each is ``(points, labels)`` with ``points`` of shape (200, 2) (one example per *row*, as
        scikit-learn returns them) and ``labels`` of shape (200,). ``blobs`` has six labels 0-5
        (the course makes it binary with ``labels % 2``); ``no_structure``'s "labels" are a
        second (200, 2) array of uniform noise, as in the course.

    Notes
    -----
    العربية: مجموعات البيانات الإضافية في المقرر، من مولِّدات مكتبة scikit-learn: دوائر مشوَّشة،
    وأهلّة مشوَّشة، وعناقيد (``blobs``)، وأرباعيات غاوسية، ومجموعة بلا بنية. في كلٍّ منها 200
    نقطة، والنقاط صفوفٌ بالشكل ``(200, 2)``، فانقلها (``.T``) قبل التدريب.
    """
    from sklearn import datasets

    n = EXTRA_EXAMPLES
    noisy_circles = datasets.make_circles(n_samples=n, factor=0.5, noise=0.3)
    noisy_moons = datasets.make_moons(n_samples=n, noise=0.2)
    blobs = datasets.make_blobs(n_samples=n, random_state=5, n_features=2, centers=6)
    gaussian_quantiles = datasets.make_gaussian_quantiles(
        mean=None, cov=0.5, n_samples=n, n_features=2, n_classes=2, shuffle=True, random_state=None
    )
    no_structure = np.random.rand(n, 2), np.random.rand(n, 2)
    return noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure


def sigmoid(x):
    """Sigmoid, element-wise: ``1 / (1 + exp(-x))``.

    Parameters
    ----------
    x : numpy.ndarray or float
        Any shape, e.g. ``Z2`` of shape (1, m).

    Returns
    -------
    s : numpy.ndarray or float
        Same shape as ``x``, every entry in (0, 1). Only the array: unlike Week 4's helper,
        no cache is returned.

    Notes
    -----
    العربية: الدالة السينية (sigmoid) عنصرًا عنصرًا. تُعيد المصفوفة وحدها بالشكل نفسه، لا الزوج
    ``(A, cache)`` كما في الأسبوع الرابع.
    """
    return 1 / (1 + np.exp(-x))


def accuracy_percent(predictions, Y):
    """Percentage of examples whose prediction equals the label.

    The course's formula ``(np.dot(Y, p.T) + np.dot(1 - Y, 1 - p.T)) / m * 100`` adds its two
    counts in the labels' dtype when the predictions are ``uint8`` too, and a ``uint8`` count
    wraps around past 255 (360 correct of 400 would print 26%). Here both are compared as
    booleans and counted as a Python ``int``, which cannot overflow.

    Parameters
    ----------
    predictions : numpy.ndarray, shape (1, m)
        Predicted labels (bool, 0/1 integers or 0.0/1.0 floats).
    Y : numpy.ndarray, shape (1, m)
        True labels (0/1, any dtype).

    Returns
    -------
    float
        ``100 * correct / m``, a Python float.

    Raises
    ------
    ValueError
        When the two shapes differ (bilingual message).

    Notes
    -----
    العربية: النسبة المئوية للأمثلة التي طابق تنبؤُها وسمَها. تُعدّ المطابقات عددًا صحيحًا من
    بايثون لا يفيض، بخلاف جمع أعداد ``uint8``.
    """
    predictions, Y = np.asarray(predictions), np.asarray(Y)
    if predictions.shape != Y.shape:
        raise ValueError(
            f"predictions and labels must have the same shape (1, m); got {predictions.shape} and "
            f"{Y.shape} / يجب أن يكون للتنبؤات والوسوم الشكل نفسه (1, m)؛ "
            f"الشكلان {predictions.shape} و {Y.shape}"
        )
    correct = int(np.count_nonzero(predictions.astype(bool) == Y.astype(bool)))
    return 100.0 * correct / Y.size


def decision_grid(model, X, step=0.01, padding=1.0):
    """Evaluate a classifier on a regular grid that covers the data.

    Parameters
    ----------
    model : callable
        Takes points of shape (k, 2), one per *row* (the course's convention: pass
        ``lambda x: predict(parameters, x.T)``), returns k labels in any shape.
    X : numpy.ndarray, shape (2, m)
        The data; the grid spans its range plus ``padding`` on every side.
    step : float, default 0.01
        Grid spacing (the course's).
    padding : float, default 1.0
        Margin around the data (the course's).

    Returns
    -------
    xx, yy : numpy.ndarray, shape (rows, cols)
        Grid coordinates (``np.meshgrid`` of ``np.arange(min - padding, max + padding, step)``).
    Z : numpy.ndarray, shape (rows, cols), dtype float64
        The model's label at every grid point.

    Notes
    -----
    العربية: تحسب قرار المصنِّف على شبكة منتظمة من النقاط تغطّي البيانات مع هامش ``padding``.
    النموذج يأخذ النقاط صفوفًا بالشكل ``(k, 2)``.
    """
    x_min, x_max = X[0, :].min() - padding, X[0, :].max() + padding
    y_min, y_max = X[1, :].min() - padding, X[1, :].max() + padding
    xx, yy = np.meshgrid(np.arange(x_min, x_max, step), np.arange(y_min, y_max, step))
    labels = np.asarray(model(np.c_[xx.ravel(), yy.ravel()]))
    return xx, yy, labels.reshape(xx.shape).astype(np.float64)


def plot_decision_boundary(model, X, y, ax=None, step=0.01):
    """Plot a classifier's decision regions and the data points over them.

    Parameters
    ----------
    model : callable
        As in :func:`decision_grid`: points of shape (k, 2) in, k labels out.
    X : numpy.ndarray, shape (2, m)
        The points.
    y : numpy.ndarray, shape (1, m) or (m,)
        Their labels (the colours of the dots).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: the current axes, as in the course).
    step : float, default 0.01
        Grid spacing.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Notes
    -----
    العربية: ترسم مناطق القرار للمصنِّف، أي حدّ القرار (decision boundary)، ثم النقاط ملوَّنةً
    بوسومها. الاستدعاء كما في المقرر:
    ``plot_decision_boundary(lambda x: predict(parameters, x.T), X, Y)``.
    """
    import matplotlib.pyplot as plt

    ax = plt.gca() if ax is None else ax
    xx, yy, Z = decision_grid(model, X, step=step)
    ax.contourf(xx, yy, Z, cmap=plt.cm.Spectral)
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.scatter(X[0, :], X[1, :], c=np.ravel(y), cmap=plt.cm.Spectral)
    return ax


def _l2_penalty():
    """The L2 penalty's keyword in the installed scikit-learn (1.8 renamed it; 3.10 has 1.7)."""
    import sklearn

    major, minor = (int(part) for part in sklearn.__version__.split(".")[:2])
    return {"l1_ratios": (0.0,)} if (major, minor) >= (1, 8) else {"penalty": "l2"}


def logistic_regression_baseline(X, Y):
    """Fit the course's linear baseline: scikit-learn's ``LogisticRegressionCV``.

    The course's settings, spelled out so new scikit-learn defaults cannot change them: ten
    values of ``C``, an L2 penalty (``l1_ratios=(0.0,)``, or ``penalty="l2"`` before 1.8), five stratified folds, accuracy as the
    selection score, the lbfgs solver.

    Parameters
    ----------
    X : numpy.ndarray, shape (2, m)
        The points, one example per column.
    Y : numpy.ndarray, shape (1, m)
        Labels 0/1.

    Returns
    -------
    classifier : sklearn.linear_model.LogisticRegressionCV
        Fitted; ``classifier.predict(points)`` takes points of shape (k, 2) (one per row).
    accuracy : float
        Percentage of training points it labels correctly (the course reports 47% on the flower).

    Notes
    -----
    العربية: خط الأساس (baseline) الخطي: الانحدار اللوجستي (logistic regression) من مكتبة
    scikit-learn مع التحقّق المتقاطع. أعِد المصنِّف المدرَّب ودقّته على بيانات التدريب بالنسبة
    المئوية؛ وعلى الزهرة تكون نحو 47%: الحدّ الخطي لا يفصل البتلات.
    """
    from sklearn.linear_model import LogisticRegressionCV

    classifier = LogisticRegressionCV(Cs=10, cv=5, scoring="accuracy", solver="lbfgs",
                                      **_l2_penalty())
    with warnings.catch_warnings():
        # scikit-learn 1.8-1.9 announce a new layout of C_, scores_ ...; neither is read here.
        warnings.filterwarnings("ignore", message=".*fitted attributes of LogisticRegressionCV",
                                category=FutureWarning)
        classifier.fit(X.T, np.ravel(Y))
    predictions = classifier.predict(X.T).reshape(1, -1)
    return classifier, accuracy_percent(predictions, Y)
