# Notebook source of c1w4 / step_by_step: builds step_by_step.ar.ipynb and step_by_step.en.ipynb.
# Format and build: course/authoring/notebooks.py (python -m course.authoring.notebooks).
# مصدر دفتر الواجب الأول؛ يُبنى منه الدفتران العربي والإنجليزي.

# %% [markdown] en
# # Building a deep neural network, step by step
#
# Course 1, Week 4, Assignment 1 (unit `c1w4`).
#
# In this notebook you write, with NumPy alone, the ten functions a deep neural network with $L$
# layers is made of: initialisation, forward propagation, the cost, backward propagation, and
# updating the parameters with gradient descent. In the next assignment you use them to tell cat
# pictures from others.
#
# Your code does not go in this notebook: it goes in the file `course/c1w4/step_by_step.py`. For
# each exercise:
#
# 1. write the function in `course/c1w4/step_by_step.py`, in place of its line
#    `raise NotImplementedError(...)`, and save the file;
# 2. run the example cell and compare what it prints with the expected output under it;
# 3. run the `grader.check(...)` cell: the public checks say what passed and what to fix.
#
# When you change the file and run a cell again, the cell uses your new code: there is no need to
# restart the kernel.
#
# The conventions are the original course's: every example is a column, so the inputs `X` have
# shape `(n_x, m)`, the labels `Y` and the outputs `AL` have shape `(1, m)`, and layer $l$ has the
# parameters `"Wl"` of shape `(n_l, n_prev)` and `"bl"` of shape `(n_l, 1)`.
# %% [markdown] ar
# # بناء شبكة عصبية عميقة خطوةً خطوة
#
# المقرر الأول، الأسبوع الرابع، الواجب الأول (الوحدة `c1w4`).
#
# تكتب في هذا الدفتر (notebook)، بمكتبة NumPy وحدها، الدوال العشر التي تتألّف منها شبكة عصبية عميقة
# (deep neural network) من $L$ طبقة (layer): التهيئة (initialization)، والانتشار الأمامي (forward
# propagation)، والتكلفة (cost)، والانتشار الخلفي (backward propagation)، وتحديث المعاملات
# (parameters) بالنزول التدرّجي (gradient descent). وستستعملها في الواجب التالي لتمييز صور القطط من
# غيرها.
#
# لا تُكتب شيفرتك في هذا الدفتر، بل في الملف `course/c1w4/step_by_step.py`. في كل تمرين (exercise):
#
# 1. اكتب الدالة في الملف `course/c1w4/step_by_step.py` مكان سطرها
#    `raise NotImplementedError(...)`، واحفظ الملف؛
# 2. شغِّل خلية المثال وقارن ما تطبعه بالناتج المتوقَّع تحتها؛
# 3. شغِّل خلية `grader.check(...)`: تخبرك الفحوص العلنية (public checks) بما نجح وبما يجب إصلاحه.
#
# إذا غيّرت الملف ثم شغّلت خليةً من جديد استعملت الخلية شيفرتك الجديدة، فلا حاجة إلى إعادة تشغيل النواة
# (kernel).
#
# الاصطلاحات هي اصطلاحات المقرر الأصلي: كل مثال (example) عمود، فالمدخلات `X` شكلها (shape)
# `(n_x, m)`، والوسوم (labels) `Y` والمخرجات `AL` شكلها `(1, m)`، ومعاملات الطبقة $l$ هي `"Wl"`
# بالشكل `(n_l, n_prev)` و `"bl"` بالشكل `(n_l, 1)`.

# %% [markdown] en
# Run the next cell first. It turns on reloading of changed files, imports NumPy and the grader,
# and sets the language of the messages.
# %% [markdown] ar
# شغِّل الخلية الآتية أولًا: فهي تفعّل إعادة تحميل الملفات المعدَّلة، وتستورد NumPy والمصحِّح الآلي
# (grader)، وتضبط لغة الرسائل.

# %% [setup]

# %% [markdown] en
# ## Exercise 1: `initialize_parameters`
#
# Initialise a two-layer network: every weight matrix gets small random values, drawn with
# `np.random.randn(...) * 0.01` (`W1` first, then `W2`), and every bias is a column of zeros. Small
# random weights break the symmetry between the hidden units and keep $Z$ close to zero, where the
# sigmoid is not saturated. The function sets the seed itself.
#
# $$
# W^{[1]} : (n_h, n_x), \qquad b^{[1]} : (n_h, 1), \qquad W^{[2]} : (n_y, n_h), \qquad b^{[2]} : (n_y, 1)
# $$
# %% [markdown] ar
# ## التمرين 1: `initialize_parameters`
#
# هيِّئ شبكة من طبقتين: لكل مصفوفة أوزان (weight matrix) قيم عشوائية صغيرة تُسحب بالتعبير
# `np.random.randn(...) * 0.01` (`W1` أولًا ثم `W2`)، وكل انحياز (bias) عمود من الأصفار. الأوزان
# العشوائية الصغيرة تكسر التماثل بين الوحدات المخفية (hidden units)، وتُبقي $Z$ قريبة من الصفر حيث
# لا تتشبّع الدالة السينية (sigmoid). الدالة تضبط البذرة (seed) بنفسها.
#
# $$
# W^{[1]} : (n_h, n_x), \qquad b^{[1]} : (n_h, 1), \qquad W^{[2]} : (n_y, n_h), \qquad b^{[2]} : (n_y, 1)
# $$

# %% [example] initialize_parameters

# %% [check] initialize_parameters

# %% [markdown] en
# ## Exercise 2: `initialize_parameters_deep`
#
# The same for a network with $L$ layers. The list `layer_dims = [n_0, n_1, ..., n_L]` starts with
# the size of the input layer, so it has $L + 1$ items. For every layer $l$ from 1 to $L$, in order,
# draw `"W" + str(l)` of shape `(layer_dims[l], layer_dims[l-1])` and set `"b" + str(l)` to zeros
# of shape `(layer_dims[l], 1)`.
# %% [markdown] ar
# ## التمرين 2: `initialize_parameters_deep`
#
# الأمر نفسه لشبكة من $L$ طبقة. القائمة `layer_dims = [n_0, n_1, ..., n_L]` تبدأ بحجم طبقة الإدخال
# (input layer)، فطولها $L + 1$. لكل طبقة $l$ من 1 إلى $L$، بالترتيب، اسحب `"W" + str(l)` بالشكل
# `(layer_dims[l], layer_dims[l-1])` واجعل `"b" + str(l)` أصفارًا بالشكل `(layer_dims[l], 1)`.

# %% [example] initialize_parameters_deep

# %% [check] initialize_parameters_deep

# %% [markdown] en
# ## Exercise 3: `linear_forward`
#
# The linear part of one layer's forward propagation, for all $m$ examples at once (vectorisation:
# no loop over the examples). Return `Z` and the cache `(A, W, b)` that backward propagation needs.
# The bias, of shape `(n_l, 1)`, is added to every column by broadcasting.
#
# $$
# Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}
# $$
# %% [markdown] ar
# ## التمرين 3: `linear_forward`
#
# الجزء الخطي من الانتشار الأمامي لطبقة واحدة، للأمثلة كلها ($m$ مثالًا) دفعةً واحدة، وهذه هي الصياغة
# المتّجهية (vectorization): لا حلقة على الأمثلة. أعِد `Z` والذاكرة المؤقتة (cache) `(A, W, b)`
# التي يحتاج إليها الانتشار الخلفي. يُضاف الانحياز، وشكله `(n_l, 1)`، إلى كل عمود بالبثّ (broadcasting).
#
# $$
# Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}
# $$

# %% [example] linear_forward

# %% [check] linear_forward

# %% [markdown] en
# ## Exercise 4: `linear_activation_forward`
#
# A whole layer: the linear part with `linear_forward`, then the activation function named by
# `activation`, `"sigmoid"` or `"relu"`. The provided `sigmoid(Z)` and `relu(Z)` (in
# `course/c1w4/dnn_helpers.py`) each return `(A, activation_cache)`, where the activation cache is
# `Z`. Return `A` and the layer's cache `(linear_cache, activation_cache)`.
#
# $$
# A^{[l]} = g^{[l]}\left(W^{[l]} A^{[l-1]} + b^{[l]}\right), \qquad
# \sigma(z) = \frac{1}{1 + e^{-z}}, \qquad \operatorname{ReLU}(z) = \max(0, z)
# $$
# %% [markdown] ar
# ## التمرين 4: `linear_activation_forward`
#
# طبقة كاملة: الجزء الخطي بالدالة `linear_forward`، ثم دالة التنشيط (activation function) التي
# يسمّيها الوسيط `activation`، وهي `"sigmoid"` أو `"relu"`. الدالتان الجاهزتان `sigmoid(Z)` و
# `relu(Z)` (في `course/c1w4/dnn_helpers.py`) تُعيد كلٌّ منهما `(A, activation_cache)`، والذاكرة
# المؤقتة للتنشيط هي `Z`. أعِد `A` والذاكرة المؤقتة للطبقة `(linear_cache, activation_cache)`.
#
# $$
# A^{[l]} = g^{[l]}\left(W^{[l]} A^{[l-1]} + b^{[l]}\right), \qquad
# \sigma(z) = \frac{1}{1 + e^{-z}}, \qquad \operatorname{ReLU}(z) = \max(0, z)
# $$

# %% [example] linear_activation_forward

# %% [check] linear_activation_forward

# %% [markdown] en
# ## Exercise 5: `L_model_forward`
#
# Forward propagation through the whole network: layers 1 to $L-1$ use ReLU and the output layer
# $L$ uses the sigmoid, so `AL` is the probability that each example belongs to class 1. There are
# `L = len(parameters) // 2` layers (two keys per layer). Call `linear_activation_forward` once per
# layer and append each cache to `caches`, in layer order.
#
# $$
# A^{[0]} = X, \qquad A^{[l]} = \operatorname{ReLU}\left(W^{[l]} A^{[l-1]} + b^{[l]}\right), \qquad
# A^{[L]} = \sigma\left(W^{[L]} A^{[L-1]} + b^{[L]}\right)
# $$
# %% [markdown] ar
# ## التمرين 5: `L_model_forward`
#
# الانتشار الأمامي عبر الشبكة كلها: الطبقات من 1 إلى $L-1$ تستعمل الوحدة الخطية المقوَّمة (ReLU)،
# وطبقة الإخراج (output layer) $L$ تستعمل الدالة السينية، فيكون `AL` احتمال أن ينتمي كل مثال إلى
# الصنف 1. عدد الطبقات `L = len(parameters) // 2` (مفتاحان لكل طبقة). استدعِ
# `linear_activation_forward` مرةً لكل طبقة، وأضف كل ذاكرة مؤقتة إلى `caches` بترتيب الطبقات.
#
# $$
# A^{[0]} = X, \qquad A^{[l]} = \operatorname{ReLU}\left(W^{[l]} A^{[l-1]} + b^{[l]}\right), \qquad
# A^{[L]} = \sigma\left(W^{[L]} A^{[L-1]} + b^{[L]}\right)
# $$

# %% [example] L_model_forward

# %% [check] L_model_forward

# %% [markdown] en
# ## Exercise 6: `compute_cost`
#
# The cross-entropy cost: the loss averaged over the $m$ examples. The function takes the predicted
# probabilities `AL` and the true labels `Y`, both of shape `(1, m)`, and returns one number (the
# line after the solution region turns a `(1, 1)` array into one).
#
# $$
# J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[L](i)} + \left(1 - y^{(i)}\right) \log\left(1 - a^{[L](i)}\right) \right)
# $$
# %% [markdown] ar
# ## التمرين 6: `compute_cost`
#
# تكلفة الإنتروبيا التقاطعية (cross-entropy): متوسط الخسارة (loss) على الأمثلة، وعددها $m$. تأخذ
# الدالة الاحتمالات المتنبَّأ بها `AL` والوسوم الصحيحة `Y`، وشكل كلٍّ منهما `(1, m)`، وتُعيد عددًا
# واحدًا (السطر الذي يلي منطقة الحل يحوّل المصفوفة ذات الشكل `(1, 1)` إلى عدد واحد).
#
# $$
# J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[L](i)} + \left(1 - y^{(i)}\right) \log\left(1 - a^{[L](i)}\right) \right)
# $$

# %% [example] compute_cost

# %% [check] compute_cost

# %% [markdown] en
# ## Exercise 7: `linear_backward`
#
# The linear part of one layer's backward propagation. Given `dZ`, the gradient of the cost with
# respect to $Z^{[l]}$, compute `dW`, `db` and `dA_prev` from the cache `(A_prev, W, b)` saved by
# `linear_forward`. Every gradient has the shape of what it is taken with respect to: `dW` the shape
# of `W`, `db` of `b`, `dA_prev` of `A_prev`.
#
# $$
# dW^{[l]} = \frac{1}{m} \, dZ^{[l]} A^{[l-1]\top}, \qquad
# db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \qquad
# dA^{[l-1]} = W^{[l]\top} dZ^{[l]}
# $$
# %% [markdown] ar
# ## التمرين 7: `linear_backward`
#
# الجزء الخطي من الانتشار الخلفي لطبقة واحدة. إذا عُرف `dZ`، أي تدرّج (gradient) التكلفة بالنسبة
# إلى $Z^{[l]}$، فاحسب `dW` و `db` و `dA_prev` من الذاكرة المؤقتة `(A_prev, W, b)` التي حفظتها
# `linear_forward`. لكل تدرّج شكل الكمية التي يُشتقّ بالنسبة إليها: `dW` بشكل `W`، و `db` بشكل `b`،
# و `dA_prev` بشكل `A_prev`.
#
# $$
# dW^{[l]} = \frac{1}{m} \, dZ^{[l]} A^{[l-1]\top}, \qquad
# db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \qquad
# dA^{[l-1]} = W^{[l]\top} dZ^{[l]}
# $$

# %% [example] linear_backward

# %% [check] linear_backward

# %% [markdown] en
# ## Exercise 8: `linear_activation_backward`
#
# Backward propagation for a whole layer: first `dZ` from `dA` with the derivative of the
# activation function, then `linear_backward`. The cache is the one `linear_activation_forward`
# returned, `(linear_cache, activation_cache)`. The provided `sigmoid_backward(dA, activation_cache)`
# and `relu_backward(dA, activation_cache)` compute `dZ` for you.
#
# $$
# dZ^{[l]} = dA^{[l]} \odot g^{[l]\prime}\left(Z^{[l]}\right)
# $$
# %% [markdown] ar
# ## التمرين 8: `linear_activation_backward`
#
# الانتشار الخلفي لطبقة كاملة: احسب أولًا `dZ` من `dA` بمشتقّة دالة التنشيط، ثم استدعِ
# `linear_backward`. الذاكرة المؤقتة هي التي أعادتها `linear_activation_forward`، أي
# `(linear_cache, activation_cache)`. الدالتان الجاهزتان `sigmoid_backward(dA, activation_cache)` و
# `relu_backward(dA, activation_cache)` تحسبان `dZ` لك.
#
# $$
# dZ^{[l]} = dA^{[l]} \odot g^{[l]\prime}\left(Z^{[l]}\right)
# $$

# %% [example] linear_activation_backward

# %% [check] linear_activation_backward

# %% [markdown] en
# ## Exercise 9: `L_model_backward`
#
# Backward propagation through the whole network, from the output layer back to layer 1. Start
# from the gradient of the cost with respect to `AL`, go through layer $L$ with the sigmoid, then
# through layers $L-1$ down to 1 with ReLU, each taking the `dA` the layer after it produced. Store
# `"dA" + str(l - 1)`, `"dW" + str(l)` and `"db" + str(l)` in `grads`; `caches[l - 1]` is the cache
# of layer $l$.
#
# $$
# dA^{[L]} = -\left( \frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}} \right)
# $$
# %% [markdown] ar
# ## التمرين 9: `L_model_backward`
#
# الانتشار الخلفي عبر الشبكة كلها، من طبقة الإخراج رجوعًا إلى الطبقة 1. ابدأ بتدرّج التكلفة بالنسبة
# إلى `AL`، ثم مُرَّ بالطبقة $L$ بالدالة السينية، ثم بالطبقات من $L-1$ نزولًا إلى 1 بالوحدة الخطية
# المقوَّمة، وكل طبقة تأخذ التدرّج `dA` الذي أنتجته الطبقة التي بعدها. احفظ `"dA" + str(l - 1)` و
# `"dW" + str(l)` و `"db" + str(l)` في القاموس `grads`؛ والعنصر `caches[l - 1]` هو الذاكرة المؤقتة
# للطبقة $l$.
#
# $$
# dA^{[L]} = -\left( \frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}} \right)
# $$

# %% [example] L_model_backward

# %% [check] L_model_backward

# %% [markdown] en
# ## Exercise 10: `update_parameters`
#
# One step of gradient descent: move every parameter a small step against its gradient, of length
# the learning rate $\alpha$. Return a new dictionary and leave the `params` you were given
# unchanged (the provided `copy.deepcopy` line takes care of it).
#
# $$
# W^{[l]} := W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha \, db^{[l]}
# $$
# %% [markdown] ar
# ## التمرين 10: `update_parameters`
#
# خطوة واحدة من النزول التدرّجي: حرِّك كل معامل خطوةً صغيرة عكس اتجاه تدرّجه، وطولها معدّل التعلّم
# (learning rate) $\alpha$. أعِد قاموسًا جديدًا واترك القاموس `params` الذي أخذته الدالة دون تغيير
# (يتكفّل بذلك السطر المكتوب لك الذي يستعمل `copy.deepcopy`).
#
# $$
# W^{[l]} := W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha \, db^{[l]}
# $$

# %% [example] update_parameters

# %% [check] update_parameters

# %% [markdown] en
# ## Next
#
# When every check above passes, go on to the notebook `cat_classifier`, where these functions
# train a cat classifier. When your work is graded, hidden checks run as well as the public ones.
# %% [markdown] ar
# ## التالي
#
# إذا نجحت الفحوص أعلاه كلها فانتقل إلى الدفتر `cat_classifier`، وفيه تدرّب هذه الدوال مصنِّفًا لصور
# القطط. وعند تقييم عملك تُشغَّل فحوص مخفية (hidden checks) إلى جانب الفحوص العلنية.
