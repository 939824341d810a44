"""The examples on c1w3's exercise pages: seeded snippets students can run against their code.

أمثلة صفحات تمارين الوحدة c1w3: مقتطفات ببذور ثابتة يشغّلها الطالب على شيفرته.

Each body runs with ``np`` and the exercise's function in scope and seeds NumPy itself; ``amiq docs
sync`` shows it and what it prints with the reference on the exercise page.
"""

EXAMPLES = {
    "layer_sizes": """\
np.random.seed(1)
X = np.random.randn(5, 3)
Y = np.random.randn(2, 3)
n_x, n_h, n_y = layer_sizes(X, Y)
print("n_x =", n_x)
print("n_h =", n_h)
print("n_y =", n_y)
""",
    "initialize_parameters": """\
np.random.seed(2)
parameters = initialize_parameters(2, 4, 1)
for key in ("W1", "b1", "W2", "b2"):
    print(key, "=", parameters[key])
""",
    "forward_propagation": """\
np.random.seed(1)
X = np.random.randn(2, 3)
b1 = np.random.randn(4, 1)
parameters = {
    "W1": np.array([[-0.00416758, -0.00056267], [-0.02136196, 0.01640271],
                    [-0.01793436, -0.00841747], [0.00502881, -0.01245288]]),
    "b1": b1,
    "W2": np.array([[-0.01057952, -0.00909008, 0.00551454, 0.02292208]]),
    "b2": np.array([[-1.3]]),
}
A2, cache = forward_propagation(X, parameters)
print("A2 =", A2)
print("cache keys:", sorted(cache))
print("A1.shape =", cache["A1"].shape)
""",
    "compute_cost": """\
np.random.seed(1)
Y = np.random.randn(1, 3) > 0
A2 = np.array([[0.5002307, 0.49985831, 0.50023963]])
cost = compute_cost(A2, Y)
print("cost =", cost)
print("type:", type(cost).__name__)
""",
    "backward_propagation": """\
np.random.seed(2)
W1 = np.random.randn(4, 2) * 0.01
W2 = np.random.randn(1, 4) * 0.01
parameters = {"W1": W1, "b1": np.zeros((4, 1)), "W2": W2, "b2": np.zeros((1, 1))}
np.random.seed(1)
X = np.random.randn(2, 3)
Y = np.random.randn(1, 3) > 0
# The forward pass written out (tanh, then sigmoid).
Z1 = W1 @ X
A1 = np.tanh(Z1)
Z2 = W2 @ A1
A2 = 1 / (1 + np.exp(-Z2))
cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
grads = backward_propagation(parameters, cache, X, Y)
for key in ("dW1", "db1", "dW2", "db2"):
    print(key, "=", grads[key])
""",
    "update_parameters": """\
# The course's case: trained parameters and their gradients, written out.
parameters = {
    "W1": np.array([[-0.00615039, 0.0169021], [-0.02311792, 0.03137121],
                    [-0.0169217, -0.01752545], [0.00935436, -0.05018221]]),
    "b1": np.array([[-8.97523455e-07], [8.15562092e-06], [6.04810633e-07], [-2.54560700e-06]]),
    "W2": np.array([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
    "b2": np.array([[9.14954378e-05]]),
}
grads = {
    "dW1": np.array([[0.00023322, -0.00205423], [0.00082222, -0.00700776],
                     [-0.00031831, 0.0028636], [-0.00092857, 0.00809933]]),
    "db1": np.array([[1.05570087e-07], [-3.81814487e-06], [-1.90155145e-07], [5.46467802e-07]]),
    "dW2": np.array([[-1.75740039e-05, 3.70231337e-03, -1.25683095e-03, -2.55715317e-03]]),
    "db2": np.array([[-1.08923140e-05]]),
}
W1_before = parameters["W1"].copy()
new_parameters = update_parameters(parameters, grads)
for key in ("W1", "b1", "W2", "b2"):
    print(key, "=", new_parameters[key])
print("input W1 unchanged:", np.array_equal(parameters["W1"], W1_before))
""",
    "nn_model": """\
np.random.seed(1)
X = np.random.randn(2, 3)
Y = np.random.randn(1, 3) > 0
parameters = nn_model(X, Y, 4, num_iterations=10000, print_cost=True)
for key in ("W1", "b1", "W2", "b2"):
    print(key, "=", parameters[key])
""",
    "predict": """\
np.random.seed(1)
X = np.random.randn(2, 3)
parameters = {
    "W1": np.array([[-0.00615039, 0.0169021], [-0.02311792, 0.03137121],
                    [-0.0169217, -0.01752545], [0.00935436, -0.05018221]]),
    "b1": np.array([[-8.97523455e-07], [8.15562092e-06], [6.04810633e-07], [-2.54560700e-06]]),
    "W2": np.array([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
    "b2": np.array([[9.14954378e-05]]),
}
predictions = predict(parameters, X)
print("predictions =", predictions)
print("dtype:", predictions.dtype)
print("mean:", predictions.mean())
""",
}
