# Notebook source of c1w3 / planar_classifier: builds planar_classifier.ar.ipynb and .en.ipynb.
# Format and build: course/authoring/notebooks.py (python -m course.authoring.notebooks).
# مصدر دفتر واجب الأسبوع الثالث؛ يُبنى منه الدفتران العربي والإنجليزي.

# %% [markdown] en
# # Planar data classification with one hidden layer
#
# Course 1, Week 3 (unit `c1w3`).
#
# Two classes of points in the plane are arranged like the petals of a flower. Logistic regression
# can only draw a straight line between them, so it cannot separate them. In this notebook you
# write, with NumPy alone, the eight functions of a neural network with one hidden layer that uses
# tanh, train it on the flower, and compare its decision boundary with that of logistic regression.
# Then you change the size of the hidden layer and watch the boundary change; an optional last part
# tries the network on other data sets.
#
# Your code does not go in this notebook: it goes in the file `course/c1w3/planar_classifier.py`.
# For each exercise:
#
# 1. write the function in the file, in place of its line `raise NotImplementedError(...)`, and
#    save the file;
# 2. run the example cell and compare what it prints with the expected output under it;
# 3. run the `grader.check(...)` cell: the public checks say what passed and what to fix.
#
# When you change the file and run a cell again, the cell uses your new code: there is no need to
# restart the kernel.
#
# The conventions are the original course's: every example is a column, so `X` has shape
# `(n_x, m)` and `Y` and `A2` have shape `(1, m)`; the parameters are `"W1"`, `"b1"`, `"W2"`,
# `"b2"`, and the cache is a dictionary with `"Z1"`, `"A1"`, `"Z2"`, `"A2"`.
#
# **Plots**: the text inside the plots (axes, titles) is in English, because the plotting library
# cannot draw Arabic letters joined and right to left; each plot is described in the markdown cell
# that follows it.
# %% [markdown] ar
# # تصنيف البيانات المستوية بطبقة مخفية واحدة
#
# المقرر الأول، الأسبوع الثالث (الوحدة الدراسية `c1w3`).
#
# في المستوى صنفان من النقاط مرتّبان كبتلات زهرة. والانحدار اللوجستي (logistic regression) لا يرسم
# بينهما إلا خطًّا مستقيمًا، فلا يستطيع الفصل بينهما. في هذا الدفتر (notebook) تكتب، بمكتبة NumPy
# وحدها، الدوالَّ الثماني لشبكة عصبية (neural network) ذات طبقة مخفية (hidden layer) واحدة تستعمل
# الظل الزائدي (tanh)، ثم تدرّبها على الزهرة، وتقارن حدّ القرار (decision boundary) الذي ترسمه بحدّ
# الانحدار اللوجستي. ثم تغيّر حجم الطبقة المخفية وترى كيف يتغيّر الحدّ؛ وفي جزء أخير اختياري تجرّب
# الشبكة على مجموعات بيانات أخرى.
#
# لا تُكتب شيفرتك في هذا الدفتر، بل في الملف `course/c1w3/planar_classifier.py`. في كل تمرين
# (exercise):
#
# 1. اكتب الدالة في الملف مكان سطرها `raise NotImplementedError(...)`، واحفظ الملف؛
# 2. شغِّل خلية المثال وقارن ما تطبعه بالناتج المتوقَّع تحتها؛
# 3. شغِّل خلية `grader.check(...)`: تخبرك الفحوص العلنية (public checks) بما نجح وبما يجب إصلاحه.
#
# إذا غيّرت الملف ثم شغّلت خليةً من جديد استعملت الخلية شيفرتك الجديدة، فلا حاجة إلى إعادة تشغيل
# النواة (kernel).
#
# الاصطلاحات هي اصطلاحات المقرر الأصلي: كل مثال (example) عمود، فشكل (shape) `X` هو `(n_x, m)`،
# وشكل `Y` و `A2` هو `(1, m)`؛ والمعاملات (parameters) هي `"W1"` و `"b1"` و `"W2"` و `"b2"`،
# والذاكرة المؤقتة (cache) قاموس فيه `"Z1"` و `"A1"` و `"Z2"` و `"A2"`.
#
# **الرسوم**: النصوص داخل الرسوم (المحاور والعناوين) بالإنجليزية، لأن مكتبة الرسم لا تستطيع رسم
# الحروف العربية متّصلةً ومن اليمين إلى اليسار؛ ويأتي وصف كل رسم بالعربية في الخلية النصية التي تليه.

# %% [markdown] en
# Run the next cell first. It turns on reloading of changed files, imports NumPy and the grader,
# and sets the language of the messages.
# %% [markdown] ar
# شغِّل الخلية الآتية أولًا: فهي تفعّل إعادة تحميل الملفات المعدَّلة، وتستورد NumPy والمصحِّح الآلي
# (grader)، وتضبط لغة الرسائل.

# %% [setup]

# %% [markdown] en
# ## The data
#
# The provided `load_planar_dataset()` generates the flower itself, with the course's seed and
# recipe, so nothing is downloaded: 400 points, 200 red ones with the label 0 and 200 blue ones with
# the label 1. The functions of `course.notebook.planar_app` imported here train and draw with your
# code in the cells further down.
# %% [markdown] ar
# ## البيانات
#
# تولّد الدالة المُعطاة `load_planar_dataset()` الزهرة بنفسها، ببذرة (seed) المقرر وطريقته، فلا
# يُنزَّل شيء: 400 نقطة، منها 200 نقطة حمراء وسمها (label) 0 و 200 نقطة زرقاء وسمها 1. والدوال
# المستوردة هنا من `course.notebook.planar_app` تدرّب شيفرتك وترسم نتائجها في الخلايا اللاحقة.

# %% [code]
from course.c1w3.planar_utils import load_planar_dataset
from course.notebook.planar_app import (
    hidden_layer_sizes,
    load_extra_dataset,
    logistic_regression,
    show_data,
    show_network,
    train_network,
)

X, Y = load_planar_dataset()
show_data(X, Y, title="The flower");

# %% [markdown] en
# The plot shows the 400 points in the plane (horizontal axis: $x_1$; vertical axis: $x_2$), red
# for the label 0 and blue for the label 1. They form a flower of eight petals, and the two colours
# take turns from one petal to the next, so no straight line can put the red points on one side and
# the blue ones on the other.
# %% [markdown] ar
# يبيّن الرسم النقاط الأربعمئة في المستوى (المحور الأفقي: $x_1$؛ والمحور العمودي: $x_2$)، حمراءَ
# للوسم 0 وزرقاءَ للوسم 1. وهي تؤلّف زهرةً من ثماني بتلات، ويتناوب اللونان من بتلة إلى التي تليها،
# فلا يستطيع خطٌّ مستقيم أن يضع النقاط الحمراء في جهة والزرقاء في الجهة الأخرى.

# %% [markdown] en
# Each example is a column of `X` with two features, the coordinates $x_1$ and $x_2$, and its label
# is the matching column of `Y`:
# %% [markdown] ar
# كل مثال عمود من `X` فيه سمتان (features)، هما الإحداثيّان $x_1$ و $x_2$، ووسمه العمود المقابل من
# `Y`:

# %% [code]
m = X.shape[1]  # the number of examples / عدد الأمثلة
print("X.shape =", X.shape)
print("Y.shape =", Y.shape, Y.dtype)
print("m =", m)

# %% [markdown] en
# So $n_x = 2$ and $m = 400$. The labels are of type `uint8`: a sum of many `uint8` values wraps
# around past 255 (an overflow), which is why this notebook counts correct predictions with the
# provided `accuracy_percent` rather than with the course's formula.
# %% [markdown] ar
# فيكون $n_x = 2$ و $m = 400$. والوسوم من النوع `uint8`: ومجموع قيم كثيرة من هذا النوع يلتفّ بعد 255،
# وهذا هو الفيضان العددي (overflow)؛ لذلك يعدّ هذا الدفتر التنبؤات الصحيحة بالدالة المُعطاة
# `accuracy_percent` لا بمعادلة المقرر.

# %% [markdown] en
# ## A linear baseline: logistic regression
#
# Before the network, a linear model to compare it with. The provided
# `logistic_regression_baseline` fits scikit-learn's `LogisticRegressionCV`, logistic regression
# whose regularisation strength is chosen by cross-validation, with the course's settings; the cell
# below calls it, prints its accuracy on the training points and draws its decision boundary.
# %% [markdown] ar
# ## خط أساس خطي: الانحدار اللوجستي
#
# قبل الشبكة، نموذج خطي نقارنها به. تدرّب الدالة المُعطاة `logistic_regression_baseline` المصنِّفَ
# `LogisticRegressionCV` من مكتبة scikit-learn، وهو انحدار لوجستي تُختار شدّة تنظيمه (regularization)
# بالتحقّق المتقاطع (cross-validation)، بإعدادات المقرر؛ والخلية الآتية تستدعيها، وتطبع دقّتها
# (accuracy) على نقاط التدريب، وترسم حدّ قرارها.

# %% [code]
classifier, lr_accuracy = logistic_regression(X, Y)

# %% [markdown] en
# The plot colours the plane by the class logistic regression gives each place: the red region is
# class 0, the blue region class 1, and the border between them, the decision boundary, is a
# straight line through the flower. It labels 47 % of the points correctly, the course's number: no
# straight line follows the petals, so a linear model cannot do much better than a coin toss here.
# %% [markdown] ar
# يلوّن الرسم المستوى بالصنف الذي يعطيه الانحدار اللوجستي لكل موضع فيه: المنطقة الحمراء للصنف 0،
# والزرقاء للصنف 1، والحدّ بينهما، أي حدّ القرار، خطٌّ مستقيم يعبر الزهرة. ويصنّف 47% من النقاط
# تصنيفًا صحيحًا، وهو رقم المقرر: فلا خطَّ مستقيمًا يتبع البتلات، ولا يستطيع نموذج خطي هنا أن يفعل أفضل
# من رمي عملة بكثير.

# %% [markdown] en
# ## The network
#
# The network has one hidden layer of $n_h$ units with the tanh activation, and an output layer of
# one unit with the sigmoid, which gives the probability of class 1. For one example $x^{(i)}$:
#
# $$
# z^{[1](i)} = W^{[1]} x^{(i)} + b^{[1]}, \qquad a^{[1](i)} = \tanh\left(z^{[1](i)}\right), \qquad
# z^{[2](i)} = W^{[2]} a^{[1](i)} + b^{[2]}, \qquad \hat{y}^{(i)} = a^{[2](i)} = \sigma\left(z^{[2](i)}\right)
# $$
#
# Building it follows the usual method: choose the structure (the sizes of the layers), initialise
# the parameters, then loop: forward propagation, the cost, backward propagation for the gradients,
# and an update of the parameters with gradient descent. Exercises 1 to 6 write these steps,
# exercise 7 puts them together in `nn_model`, and exercise 8 uses the trained network to predict.
# %% [markdown] ar
# ## الشبكة
#
# في الشبكة طبقة مخفية واحدة من $n_h$ وحدة مخفية (hidden unit) تنشيطها (activation) الظل الزائدي،
# وطبقة إخراج (output layer) من وحدة واحدة بالدالة السينية (sigmoid)، تعطي احتمال الصنف 1. لمثال
# واحد $x^{(i)}$:
#
# $$
# z^{[1](i)} = W^{[1]} x^{(i)} + b^{[1]}, \qquad a^{[1](i)} = \tanh\left(z^{[1](i)}\right), \qquad
# z^{[2](i)} = W^{[2]} a^{[1](i)} + b^{[2]}, \qquad \hat{y}^{(i)} = a^{[2](i)} = \sigma\left(z^{[2](i)}\right)
# $$
#
# وبناؤها يتبع الطريقة المعتادة: اختر البنية (أحجام الطبقات)، وهيِّئ المعاملات، ثم كرِّر: الانتشار
# الأمامي (forward propagation)، فالتكلفة (cost)، فالانتشار الخلفي (backward propagation) لحساب
# التدرّجات (gradients)، فتحديث المعاملات بالنزول التدرّجي (gradient descent). تكتب التمارين من 1 إلى
# 6 هذه الخطوات، ويجمعها التمرين 7 في `nn_model`، ويستعمل التمرين 8 الشبكة المدرَّبة للتنبؤ
# (prediction).

# %% [markdown] en
# ## Exercise 1: `layer_sizes`
#
# Return the sizes of the three layers as a tuple `(n_x, n_h, n_y)`. The input layer has one unit
# per feature, so `n_x` is the number of rows of `X`; the output layer's size `n_y` is the number of
# rows of `Y`; and the hidden layer has 4 units in this exercise only (`nn_model` receives `n_h` as
# an argument and uses `layer_sizes` for `n_x` and `n_y`).
# %% [markdown] ar
# ## التمرين 1: `layer_sizes`
#
# أعِد أحجام الطبقات الثلاث في صفٍّ (tuple) `(n_x, n_h, n_y)`. في طبقة الإدخال (input layer) وحدة
# لكل سمة، فيكون `n_x` عدد صفوف `X`؛ وحجم طبقة الإخراج `n_y` هو عدد صفوف `Y`؛ وفي الطبقة المخفية 4
# وحدات في هذا التمرين وحده (فالدالة `nn_model` تأخذ `n_h` وسيطًا، ولا تستعمل `layer_sizes` إلا لمعرفة
# `n_x` و `n_y`).

# %% [example] layer_sizes

# %% [check] layer_sizes

# %% [markdown] en
# ## Exercise 2: `initialize_parameters`
#
# Create the parameters of both layers: weights drawn with `np.random.randn(...) * 0.01`, `W1` first
# and then `W2`, and biases of zeros. Random weights break the symmetry between the hidden units:
# with equal weights they would all compute the same thing and stay identical while training.
# Small ones keep tanh and the sigmoid away from their flat ends, where the gradients are tiny. This
# week the function sets no seed: the code that calls it does (`nn_model` seeds with 3, the example
# below with 2).
#
# $$
# W^{[1]} : (n_h, n_x), \qquad b^{[1]} : (n_h, 1), \qquad W^{[2]} : (n_y, n_h), \qquad b^{[2]} : (n_y, 1)
# $$
# %% [markdown] ar
# ## التمرين 2: `initialize_parameters`
#
# أنشئ معاملات الطبقتين: أوزانًا (weights) تُسحب بالتعبير `np.random.randn(...) * 0.01`، `W1` أولًا ثم
# `W2`، وانحيازات (biases) من الأصفار. الأوزان العشوائية تكسر التماثل (symmetry breaking) بين الوحدات
# المخفية: فلو تساوت أوزانها لحسبت كلها الشيء نفسه وبقيت متطابقة طوال التدريب. وصِغَرها يُبقي الظل
# الزائدي والدالة السينية بعيدين عن طرفيهما المسطَّحين، حيث تكون التدرّجات ضئيلة. ولا تضع الدالة في هذا
# الأسبوع بذرة: الشيفرة التي تستدعيها هي التي تضعها (تضع `nn_model` البذرة 3، والمثال أدناه البذرة 2).
#
# $$
# W^{[1]} : (n_h, n_x), \qquad b^{[1]} : (n_h, 1), \qquad W^{[2]} : (n_y, n_h), \qquad b^{[2]} : (n_y, 1)
# $$

# %% [example] initialize_parameters

# %% [check] initialize_parameters

# %% [markdown] en
# ## Exercise 3: `forward_propagation`
#
# Compute the network's output for all $m$ examples at once: a linear step and tanh in the hidden
# layer, then a linear step and the sigmoid in the output layer. Use `np.tanh` and the provided
# `sigmoid` (imported at the top of the file; unlike Week 4's, it returns the array alone). Reading
# the four parameters and building the cache `{"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}` are written
# for you; backward propagation reads the cache.
#
# $$
# Z^{[1]} = W^{[1]} X + b^{[1]}, \qquad A^{[1]} = \tanh\left(Z^{[1]}\right), \qquad
# Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \qquad A^{[2]} = \sigma\left(Z^{[2]}\right)
# $$
# %% [markdown] ar
# ## التمرين 3: `forward_propagation`
#
# احسب مخرج الشبكة لجميع الأمثلة $m$ دفعةً واحدة: خطوة خطية ثم الظل الزائدي في الطبقة المخفية، ثم
# خطوة خطية ثم الدالة السينية في طبقة الإخراج. استعمل `np.tanh` والدالة المُعطاة `sigmoid` (مستوردة في
# أعلى الملف، وهي تعيد المصفوفة وحدها، بخلاف دالة الأسبوع الرابع). وقراءة المعاملات الأربعة وبناء
# الذاكرة المؤقتة `{"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}` مكتوبان لك؛ ويقرأ الانتشار الخلفي هذه
# الذاكرة.
#
# $$
# Z^{[1]} = W^{[1]} X + b^{[1]}, \qquad A^{[1]} = \tanh\left(Z^{[1]}\right), \qquad
# Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \qquad A^{[2]} = \sigma\left(Z^{[2]}\right)
# $$

# %% [example] forward_propagation

# %% [check] forward_propagation

# %% [markdown] en
# ## Exercise 4: `compute_cost`
#
# Compute the cross-entropy cost $J$, the loss averaged over the $m$ examples, without a loop. This
# week the function returns a Python `float`: the line `cost = float(np.squeeze(cost))` after your
# code is written for you, and accepts both a NumPy number (from `np.sum`) and a `(1, 1)` array
# (from `np.dot`).
#
# $$
# J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[2](i)} + \left(1 - y^{(i)}\right) \log\left(1 - a^{[2](i)}\right) \right)
# $$
# %% [markdown] ar
# ## التمرين 4: `compute_cost`
#
# احسب التكلفة $J$ بالإنتروبيا التقاطعية (cross-entropy)، أي متوسط الخسارة (loss) على الأمثلة $m$، من
# غير حلقة. وفي هذا الأسبوع تعيد الدالة عددًا من نوع `float` في بايثون: والسطر
# `cost = float(np.squeeze(cost))` بعد شيفرتك مكتوب لك، ويقبل العددَ من NumPy (إن جمعت بالدالة
# `np.sum`) والمصفوفةَ بالشكل `(1, 1)` (إن استعملت `np.dot`) على السواء.
#
# $$
# J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[2](i)} + \left(1 - y^{(i)}\right) \log\left(1 - a^{[2](i)}\right) \right)
# $$

# %% [example] compute_cost

# %% [check] compute_cost

# %% [markdown] en
# ## Exercise 5: `backward_propagation`
#
# Compute the gradients of the cost with respect to the four parameters, output layer first, with
# the six equations below. The factor $1 - (A^{[1]})^2$ is the derivative of tanh, computed from the
# stored activations as `1 - np.power(A1, 2)`; the $*$ is the element-wise product; and the sums run
# over the examples, the columns, with `np.sum(..., axis=1, keepdims=True)`, so that each gradient
# has the shape of its parameter.
#
# $$
# \begin{aligned}
# dZ^{[2]} &= A^{[2]} - Y \\
# dW^{[2]} &= \frac{1}{m} \, dZ^{[2]} A^{[1]T} \\
# db^{[2]} &= \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)} \\
# dZ^{[1]} &= W^{[2]T} dZ^{[2]} * \left(1 - \left(A^{[1]}\right)^2\right) \\
# dW^{[1]} &= \frac{1}{m} \, dZ^{[1]} X^T \\
# db^{[1]} &= \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)}
# \end{aligned}
# $$
# %% [markdown] ar
# ## التمرين 5: `backward_propagation`
#
# احسب تدرّجات التكلفة بالنسبة إلى المعاملات الأربعة، طبقة الإخراج أولًا، بالمعادلات الست أدناه.
# والعامل $1 - (A^{[1]})^2$ هو مشتقة (derivative) الظل الزائدي، ويُحسب من التنشيطات المخزَّنة بالتعبير
# `1 - np.power(A1, 2)`؛ والرمز $*$ هو الضرب عنصرًا بعنصر (element-wise product)؛ والمجموعان على
# الأمثلة، أي على الأعمدة، بالدالة `np.sum(..., axis=1, keepdims=True)`، ليكون لكل تدرّج شكل معامله.
#
# $$
# \begin{aligned}
# dZ^{[2]} &= A^{[2]} - Y \\
# dW^{[2]} &= \frac{1}{m} \, dZ^{[2]} A^{[1]T} \\
# db^{[2]} &= \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)} \\
# dZ^{[1]} &= W^{[2]T} dZ^{[2]} * \left(1 - \left(A^{[1]}\right)^2\right) \\
# dW^{[1]} &= \frac{1}{m} \, dZ^{[1]} X^T \\
# db^{[1]} &= \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)}
# \end{aligned}
# $$

# %% [example] backward_propagation

# %% [check] backward_propagation

# %% [markdown] en
# ## Exercise 6: `update_parameters`
#
# Take one step of gradient descent: move every parameter against its gradient, scaled by the
# learning rate $\alpha$, which is 1.2 by default this week. Copying the four parameters with
# `copy.deepcopy` is written for you, so the dictionary passed in never changes; return a new
# dictionary with the same keys. A learning rate that is too large makes the cost jump around or
# grow; one that is too small makes training slow.
#
# $$
# W^{[l]} := W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha \, db^{[l]}, \qquad l = 1, 2
# $$
# %% [markdown] ar
# ## التمرين 6: `update_parameters`
#
# نفّذ خطوة واحدة من النزول التدرّجي: حرّك كل معامل عكس تدرّجه، مضروبًا في معدّل التعلّم (learning
# rate) $\alpha$، وقيمته الافتراضية في هذا الأسبوع 1.2. ونسخ المعاملات الأربعة بالدالة `copy.deepcopy`
# مكتوب لك، فلا يتغيّر القاموس الذي يُمرَّر إلى الدالة أبدًا؛ وأعِد قاموسًا جديدًا بالمفاتيح نفسها.
# ومعدّل التعلّم الكبير جدًّا يجعل التكلفة تتقافز أو تكبر، والصغير جدًّا يبطئ التدريب.
#
# $$
# W^{[l]} := W^{[l]} - \alpha \, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha \, db^{[l]}, \qquad l = 1, 2
# $$

# %% [example] update_parameters

# %% [check] update_parameters

# %% [markdown] en
# ## Exercise 7: `nn_model`
#
# Put the previous functions together in the training loop. Written for you: the seed
# `np.random.seed(3)`, the sizes `n_x` and `n_y` taken from `layer_sizes`, and printing the cost
# every 1000 iterations. Yours: initialise the parameters with
# `initialize_parameters(n_x, n_h, n_y)`, then in every iteration run forward propagation, compute
# the cost, run backward propagation and update the parameters with `update_parameters`, at its
# default learning rate. The example trains for 10000 iterations on three examples, in about a
# second.
# %% [markdown] ar
# ## التمرين 7: `nn_model`
#
# اجمع الدوال السابقة في حلقة التدريب. المكتوب لك: البذرة `np.random.seed(3)`، والحجمان `n_x` و `n_y`
# مأخوذَين من `layer_sizes`، وطباعة التكلفة كل 1000 تكرار (iteration). والمطلوب منك: هيِّئ المعاملات
# بالدالة `initialize_parameters(n_x, n_h, n_y)`، ثم في كل تكرار نفّذ الانتشار الأمامي، واحسب التكلفة،
# ونفّذ الانتشار الخلفي، وحدّث المعاملات بالدالة `update_parameters` بمعدّل تعلّمها الافتراضي. يدرّب
# المثال الشبكة 10000 تكرار على ثلاثة أمثلة، في نحو ثانية.

# %% [example] nn_model

# %% [check] nn_model

# %% [markdown] en
# ## Exercise 8: `predict`
#
# Predict the class of every example: run forward propagation and compare the probability `A2`
# with 0.5. The result is an array of booleans of shape `(1, m)`, `True` (blue, class 1) where
# `A2 > 0.5` and `False` (red, class 0) elsewhere. Keep the booleans: with `uint8` predictions the
# course's accuracy formula adds two `uint8` counts, and their sum overflows past 255.
#
# $$
# \hat{y}^{(i)} = \mathbf{1}\left[a^{[2](i)} > 0.5\right]
# $$
# %% [markdown] ar
# ## التمرين 8: `predict`
#
# تنبّأ بصنف كل مثال: نفّذ الانتشار الأمامي وقارن الاحتمال `A2` بالعدد 0.5. والناتج مصفوفة قيم
# منطقية شكلها `(1, m)`: `True` (أزرق، الصنف 1) حيث `A2 > 0.5`، و `False` (أحمر، الصنف 0) فيما عدا
# ذلك. احتفظ بالقيم المنطقية: فمع تنبؤات من النوع `uint8` تجمع معادلة الدقة في المقرر عدَّين من النوع
# `uint8`، فيفيض مجموعهما بعد 255.
#
# $$
# \hat{y}^{(i)} = \mathbf{1}\left[a^{[2](i)} > 0.5\right]
# $$

# %% [example] predict

# %% [check] predict

# %% [markdown] en
# ## Training the network on the flower
#
# With the eight functions written, train a network with 4 hidden units for 10000 iterations, the
# course's values. Your `nn_model` prints the cost every 1000 iterations, then your `predict`
# labels the training points and `accuracy_percent` counts the correct ones. It takes a few
# seconds. The examples above used the names `X` and `Y` for their own small arrays, so the cell
# loads the flower again first.
# %% [markdown] ar
# ## تدريب الشبكة على الزهرة
#
# بعد أن تكتب الدوال الثماني، درِّب شبكة بأربع وحدات مخفية 10000 تكرار، وهما قيمتا المقرر. تطبع
# `nn_model` التي كتبتها التكلفة كل 1000 تكرار، ثم تصنّف `predict` نقاط التدريب، وتعدّ
# `accuracy_percent` الصحيح منها. يستغرق ذلك بضع ثوانٍ. وقد استعملت الأمثلة السابقة الاسمين `X` و `Y`
# لمصفوفاتها الصغيرة، فتحمّل الخلية الزهرة من جديد أولًا.

# %% [code]
X, Y = load_planar_dataset()  # the flower again: the examples reused X and Y / الزهرة من جديد
model = train_network(X, Y, n_h=4, num_iterations=10000)

# %% [markdown] en
# With a correct solution the cost at iteration 0 is `0.693162` (about $\log 2$: every probability
# starts near 0.5) and the accuracy is 90.75 %, which the course prints as "90%". The later costs
# depend on the last digits of the floating-point arithmetic of your machine; the accuracy does not.
# %% [markdown] ar
# مع حلٍّ صحيح تكون التكلفة عند التكرار 0 هي `0.693162` (نحو $\log 2$: فكل احتمال يبدأ قرب 0.5)،
# وتكون الدقة 90.75%، ويطبعها المقرر «90%». والتكاليف اللاحقة تتبع آخر الخانات في حساب الأعداد العشرية
# على جهازك؛ أما الدقة فلا.

# %% [code]
show_network(model, X, Y);

# %% [markdown] en
# The plot shows the network's decision regions over the flower: red where your `predict` says
# class 0, blue where it says class 1, with the points on top. The boundary is no longer one straight
# line: the plane is cut into wedges that meet near the centre, and most petals lie in the region of
# their own colour. The network labels about 90 % of the points correctly, against 47 % for
# logistic regression: its hidden layer lets it draw a non-linear decision boundary. The mistakes
# are mostly near the centre, where the petals meet.
# %% [markdown] ar
# يبيّن الرسم مناطق القرار (decision regions) للشبكة فوق الزهرة: حمراء حيث تقول `predict` التي كتبتها
# إن الصنف 0، وزرقاء حيث تقول إنه 1، والنقاط فوقها. لم يعد الحدّ خطًّا مستقيمًا واحدًا: فالمستوى مقسوم
# إلى أسافين تلتقي قرب المركز، وتقع معظم البتلات في منطقة لونها. وتصنّف الشبكة نحو 90% من النقاط
# تصنيفًا صحيحًا، مقابل 47% للانحدار اللوجستي: فطبقتها المخفية تتيح لها أن ترسم حدَّ قرار غير خطي.
# وأكثر الأخطاء قرب المركز، حيث تلتقي البتلات.

# %% [markdown] en
# ## The size of the hidden layer
#
# Now the same model with 1, 2, 3, 4, 5, 20 and 50 hidden units, 5000 iterations each, as in the
# course. The cell prints the accuracy of each size and then draws their decision boundaries side by
# side; it takes up to half a minute.
# %% [markdown] ar
# ## حجم الطبقة المخفية
#
# والآن النموذج نفسه بوحدة مخفية واحدة ثم 2 و 3 و 4 و 5 و 20 و 50 وحدة، 5000 تكرار لكلٍّ منها، كما
# في المقرر. تطبع الخلية دقة كل حجم، ثم ترسم حدود القرار جنبًا إلى جنب؛ ويستغرق ذلك حتى نصف دقيقة.

# %% [code]
models = hidden_layer_sizes(X, Y, sizes=(1, 2, 3, 4, 5, 20, 50), num_iterations=5000)

# %% [markdown] en
# The plot has one panel per size, titled with $n_h$ and the accuracy. With one or two hidden units
# the network cannot represent the petals and stays near 67 % (the course: 67.5 % and 67.25 %).
# From three units on its wedges follow the petals, at about 90 % (the course: 90.75 %, 90.5 %,
# 91.25 %). Larger layers fit the training points a little better, and with 50 units small islands
# appear that serve only a few points: the beginning of overfitting. Around 5 units the boundary
# fits the data well without such islands.
#
# The course reports 90 % for 20 units and 90.25 % for 50. With many hidden units and the large
# learning rate 1.2, these runs are chaotic: a difference in the last bit of a sum early on grows
# until the final parameters differ, so on your machine they may be a point away from the course's.
# %% [markdown] ar
# في الرسم لوحة لكل حجم، عنوانها $n_h$ والدقة. بوحدة مخفية واحدة أو اثنتين لا تستطيع الشبكة أن تمثّل
# البتلات فتبقى قرب 67% (في المقرر: 67.5% و 67.25%). ومن ثلاث وحدات فصاعدًا تتبع أسافينها البتلات،
# بدقة نحو 90% (في المقرر: 90.75% و 90.5% و 91.25%). وتلائم الطبقات الأكبر نقاطَ التدريب أفضل قليلًا،
# ومع 50 وحدة تظهر جزر صغيرة لا تخدم إلا نقاطًا قليلة: هذه بداية الإفراط في الملاءمة (overfitting).
# وحول 5 وحدات يلائم الحدُّ البياناتِ جيدًا بلا جزر كهذه.
#
# ويذكر المقرر 90% لعشرين وحدة و 90.25% لخمسين. ومع وحدات مخفية كثيرة ومعدّل التعلّم الكبير 1.2 تكون
# هذه التدريبات فوضوية: فرقٌ في آخر خانة من مجموعٍ في البداية يكبر حتى تختلف المعاملات النهائية، فقد
# تبعد نتيجتاهما على جهازك نقطةً عن نتيجتَي المقرر.

# %% [markdown] en
# ## Optional: other data sets
#
# `load_extra_dataset` gives one of the course's other planar data sets in the flower's layout,
# `X` of shape `(2, 200)` and `Y` of shape `(1, 200)`: `"noisy_circles"`, `"noisy_moons"`,
# `"blobs"` (whose six labels become two, as in the course) or `"gaussian_quantiles"`. It seeds
# NumPy first, so running the cell again gives the same points. Change `dataset` and run the three
# cells again.
# %% [markdown] ar
# ## اختياري: مجموعات بيانات أخرى
#
# تعطي الدالة `load_extra_dataset` إحدى مجموعات البيانات المستوية (planar data) الأخرى في المقرر بترتيب
# بيانات الزهرة، `X` بالشكل `(2, 200)` و `Y` بالشكل `(1, 200)`: الدوائر المشوَّشة `"noisy_circles"`،
# أو الأهلّة المشوَّشة `"noisy_moons"`، أو العناقيد `"blobs"` (وتصير وسومها الستة وسمين، كما في
# المقرر)، أو الأرباعيات الغاوسية `"gaussian_quantiles"`. وهي تضع بذرة NumPy أولًا، فإن شغّلت الخلية
# من جديد حصلت على النقاط نفسها. غيِّر `dataset` ثم شغِّل الخلايا الثلاث من جديد.

# %% [code]
dataset = "noisy_moons"  # "noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles"
X_extra, Y_extra = load_extra_dataset(dataset)
show_data(X_extra, Y_extra, title=dataset);

# %% [code]
extra_classifier, extra_lr_accuracy = logistic_regression(X_extra, Y_extra,
                                                          title=dataset + ", logistic regression")

# %% [code]
extra_model = train_network(X_extra, Y_extra, n_h=4, num_iterations=10000, print_cost=False)
show_network(extra_model, X_extra, Y_extra, title=dataset + ", hidden layer of size {n_h}");

# %% [markdown] en
# The first plot shows the chosen data set, red for the label 0 and blue for the label 1; the next
# two colour the plane by the class that logistic regression and then your network give each place.
# On the moons a straight line already labels 88 % of the points correctly, and the network's
# curved boundary about 96 %. On the circles, the blobs and the Gaussian quantiles no straight line
# separates the classes: logistic regression stays near a coin toss while the network follows them
# (the circles' noise mixes the two classes, so no boundary gets every point there). Try other
# sizes of the hidden layer too: more units draw a finer boundary, and at some size it starts
# following single points.
# %% [markdown] ar
# يبيّن الرسم الأول مجموعة البيانات المختارة، حمراءَ للوسم 0 وزرقاءَ للوسم 1؛ ويلوّن الرسمان التاليان
# المستوى بالصنف الذي يعطيه لكل موضع الانحدارُ اللوجستي ثم شبكتك. على الأهلّة يصنّف الخطُّ المستقيم
# وحده 88% من النقاط تصنيفًا صحيحًا، ويصنّف حدُّ الشبكة المنحني نحو 96% منها. أما الدوائر والعناقيد
# والأرباعيات الغاوسية فلا يفصل صنفيها خطٌّ مستقيم: فيبقى الانحدار اللوجستي قرب رمي عملة، وتتبع الشبكة
# الصنفين. وضجيج الدوائر (noise) يخلط صنفيها، فلا يصيب أيُّ حدٍّ كل نقاطها. وجرّب أحجامًا أخرى
# للطبقة المخفية: فالوحدات الأكثر ترسم حدًّا أدقّ تفصيلًا، وعند حجمٍ ما يبدأ الحدّ يتبع نقاطًا مفردة.
