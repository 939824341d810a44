"""The examples on c1w4's exercise pages: seeded snippets students can run against their code.

أمثلة صفحات تمارين الوحدة c1w4: مقتطفات ببذور ثابتة يشغّلها الطالب على شيفرته.

Each body runs with ``np`` and the exercise's function in scope and seeds NumPy itself, so what
it prints does not depend on what ran before. ``amiq docs sync`` shows the snippet and what it
prints with the reference on the exercise page (``docs/content/c1w4/exercises/<name>.md``); a
test checks the pages are current.
"""

EXAMPLES = {
    "initialize_parameters": """\
parameters = initialize_parameters(3, 2, 1)
for key in ("W1", "b1", "W2", "b2"):
    print(key, "=", parameters[key])
""",
    "initialize_parameters_deep": """\
parameters = initialize_parameters_deep([5, 4, 3])
for key in ("W1", "b1", "W2", "b2"):
    print(key, "=", parameters[key])
""",
    "linear_forward": """\
np.random.seed(1)
A = np.random.randn(3, 2)
W = np.random.randn(1, 3)
b = np.random.randn(1, 1)
Z, cache = linear_forward(A, W, b)
print("Z =", Z)
print("Z.shape =", Z.shape)
""",
    "linear_activation_forward": """\
np.random.seed(2)
A_prev = np.random.randn(3, 2)
W = np.random.randn(1, 3)
b = np.random.randn(1, 1)
A, cache = linear_activation_forward(A_prev, W, b, "sigmoid")
print("With sigmoid: A =", A)
A, cache = linear_activation_forward(A_prev, W, b, "relu")
print("With ReLU: A =", A)
""",
    "L_model_forward": """\
np.random.seed(6)
X = np.random.randn(5, 4)
parameters = {
    "W1": np.random.randn(4, 5), "b1": np.random.randn(4, 1),
    "W2": np.random.randn(3, 4), "b2": np.random.randn(3, 1),
    "W3": np.random.randn(1, 3), "b3": np.random.randn(1, 1),
}
AL, forward_caches = L_model_forward(X, parameters)
print("AL =", AL)
print("len(caches) =", len(forward_caches))
""",
    "compute_cost": """\
Y = np.array([[1, 1, 0]])
AL = np.array([[0.8, 0.9, 0.4]])
J = compute_cost(AL, Y)
print("cost =", J)
print("type:", type(J).__name__, "shape:", J.shape)
""",
    "linear_backward": """\
np.random.seed(1)
dZ = np.random.randn(3, 4)
A_prev = np.random.randn(5, 4)
W = np.random.randn(3, 5)
b = np.random.randn(3, 1)
dA_prev, dW, db = linear_backward(dZ, (A_prev, W, b))
print("dA_prev =", dA_prev)
print("dW =", dW)
print("db =", db)
""",
    "linear_activation_backward": """\
np.random.seed(2)
dA = np.random.randn(1, 2)
A_prev = np.random.randn(3, 2)
W = np.random.randn(1, 3)
b = np.random.randn(1, 1)
Z = np.random.randn(1, 2)
cache = ((A_prev, W, b), Z)
for activation in ("sigmoid", "relu"):
    dA_prev, dW, db = linear_activation_backward(dA, cache, activation)
    print("With", activation + ":")
    print("  dA_prev =", dA_prev)
    print("  dW =", dW)
    print("  db =", db)
""",
    "L_model_backward": """\
np.random.seed(13)
X = np.random.randn(4, 5)
Y = np.array([[1, 0, 0, 1, 1]])
parameters = {}
for l, (n, n_prev) in enumerate([(3, 4), (2, 3), (1, 2)], start=1):
    parameters["W" + str(l)] = np.random.randn(n, n_prev)
    parameters["b" + str(l)] = np.random.randn(n, 1)
# The forward pass written out, so this case needs only L_model_backward.
A, caches = X, []
for l in (1, 2, 3):
    W, b = parameters["W" + str(l)], parameters["b" + str(l)]
    Z = W @ A + b
    caches.append(((A, W, b), Z))
    A = np.maximum(0, Z) if l < 3 else 1 / (1 + np.exp(-Z))
grads = L_model_backward(A, Y, caches)
for key in ("dW3", "db3", "dW1", "db1", "dA0"):
    print(key, "=", grads[key])
""",
    "update_parameters": """\
np.random.seed(2)
parameters = {
    "W1": np.random.randn(3, 4), "b1": np.random.randn(3, 1),
    "W2": np.random.randn(1, 3), "b2": np.random.randn(1, 1),
}
np.random.seed(3)
grads = {
    "dW1": np.random.randn(3, 4), "db1": np.random.randn(3, 1),
    "dW2": np.random.randn(1, 3), "db2": np.random.randn(1, 1),
}
W1_before = parameters["W1"].copy()
new_parameters = update_parameters(parameters, grads, 0.1)
for key in ("W1", "b1", "W2", "b2"):
    print(key, "=", new_parameters[key])
print("input W1 unchanged:", np.array_equal(parameters["W1"], W1_before))
""",
    "two_layer_model": """\
np.random.seed(2)
X = np.random.randn(4, 12)
Y = (X[0:1] - X[1:2] > 0).astype(float)
parameters, costs = two_layer_model(
    X, Y, (4, 5, 1), learning_rate=0.5, num_iterations=150, print_cost=True
)
print("len(costs) =", len(costs))
print("W1.shape =", parameters["W1"].shape, "W2.shape =", parameters["W2"].shape)
""",
    "L_layer_model": """\
np.random.seed(2)
X = np.random.randn(4, 12)
Y = (X[0:1] - X[1:2] > 0).astype(float)
parameters, costs = L_layer_model(
    X, Y, [4, 5, 3, 1], learning_rate=0.1, num_iterations=150, print_cost=True
)
print("len(costs) =", len(costs))
print("keys:", sorted(parameters))
""",
    "predict": """\
np.random.seed(4)
X = np.random.randn(3, 6)
y = np.array([[1, 0, 1, 1, 0, 0]])
parameters = {
    "W1": np.random.randn(2, 3), "b1": np.zeros((2, 1)),
    "W2": np.random.randn(1, 2), "b2": np.zeros((1, 1)),
}
p = predict(X, y, parameters)
print("p =", p)
""",
}
