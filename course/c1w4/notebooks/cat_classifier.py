# Notebook source of c1w4 / cat_classifier: builds cat_classifier.ar.ipynb and cat_classifier.en.ipynb.
# Format and build: course/authoring/notebooks.py (python -m course.authoring.notebooks).
# مصدر دفتر الواجب الثاني؛ يُبنى منه الدفتران العربي والإنجليزي.

# %% [markdown] en
# # Deep neural network application: cat vs non-cat
#
# Course 1, Week 4, Assignment 2 (unit `c1w4`).
#
# In this notebook the functions of the first assignment train two models that tell cat pictures
# from others: a network with two layers and a deep network with four layers. You write the three
# exercises in `course/c1w4/cat_classifier.py` (the models and `predict`), then train both models on
# the course's pictures, compare their cost curves, look at the pictures they get wrong, and try a
# picture of your own.
#
# As in the first notebook: write each function in the file, save it, run the example cell and
# compare with the expected output, then run the `grader.check(...)` cell. Finish the first
# assignment first: these models call its functions.
#
# **Figures**: the text inside the figures (axes, titles, labels) is in English, because the plotting
# library cannot draw Arabic letters joined and right to left; each figure is described in the
# markdown cell that follows it.
# %% [markdown] ar
# # تطبيق الشبكة العصبية العميقة: قطة أم لا
#
# المقرر الأول، الأسبوع الرابع، الواجب الثاني (الوحدة `c1w4`).
#
# في هذا الدفتر (notebook) تدرّب دوالُّ الواجب الأول نموذجين يميّزان صور القطط من غيرها: شبكة عصبية
# (neural network) من طبقتين (layers)، وشبكة عصبية عميقة (deep neural network) من أربع طبقات. تكتب
# التمارين (exercises) الثلاثة في الملف `course/c1w4/cat_classifier.py` (النموذجين والدالة `predict`)،
# ثم تدرّب النموذجين على صور المقرر، وتقارن منحنيَي التكلفة (cost)، وتنظر في الصور التي يخطئ فيها
# النموذج، وتجرّب صورةً من عندك.
#
# كما في الدفتر الأول: اكتب كل دالة في الملف واحفظه، ثم شغِّل خلية المثال وقارن بالناتج المتوقَّع، ثم
# شغِّل خلية `grader.check(...)`. أتمَّ الواجب الأول قبل هذا، فهذان النموذجان يستدعيان دوالّه.
#
# **الأشكال**: النصوص داخل الأشكال (المحاور والعناوين والتسميات) بالإنجليزية، لأن مكتبة الرسم لا تستطيع
# رسم الحروف العربية متّصلةً ومن اليمين إلى اليسار؛ ويأتي وصف كل شكل بالعربية في الخلية النصية التي تليه.

# %% [markdown] en
# Run the next cell first. It turns on reloading of changed files, imports NumPy and the grader,
# and sets the language of the messages.
# %% [markdown] ar
# شغِّل الخلية الآتية أولًا: فهي تفعّل إعادة تحميل الملفات المعدَّلة، وتستورد NumPy والمصحِّح الآلي
# (grader)، وتضبط لغة الرسائل.

# %% [setup]

# %% [markdown] en
# ## Exercise 11: `two_layer_model`
#
# Train a two-layer network, `LINEAR → RELU → LINEAR → SIGMOID`, with the functions of the first
# assignment. After `initialize_parameters(n_x, n_h, n_y)`, every iteration is: forward propagation
# through both layers, the cost, the gradient `dA2`, backward propagation through the second layer
# then the first, and an update of the parameters with the learning rate. Recording the cost every
# 100 iterations and printing it are written for you.
#
# $$
# dA^{[2]} = -\left( \frac{Y}{A^{[2]}} - \frac{1 - Y}{1 - A^{[2]}} \right)
# $$
#
# The example trains on a few random points for a few iterations, so it runs in a moment.
# %% [markdown] ar
# ## التمرين 11: `two_layer_model`
#
# درِّب شبكة من طبقتين بالبنية `LINEAR → RELU → LINEAR → SIGMOID` مستعملًا دوال الواجب الأول. بعد
# `initialize_parameters(n_x, n_h, n_y)` يتألّف كل تكرار (iteration) من: الانتشار الأمامي (forward
# propagation) عبر الطبقتين، ثم التكلفة، ثم التدرّج (gradient) `dA2`، ثم الانتشار الخلفي (backward
# propagation) عبر الطبقة الثانية ثم الأولى، ثم تحديث المعاملات (parameters) بمعدّل التعلّم (learning
# rate). تسجيل التكلفة كل 100 تكرار وطباعتها مكتوبان لك.
#
# $$
# dA^{[2]} = -\left( \frac{Y}{A^{[2]}} - \frac{1 - Y}{1 - A^{[2]}} \right)
# $$
#
# يدرّب المثال النموذج على بضع نقاط عشوائية مدة تكرارات قليلة، فينتهي في لحظة.

# %% [example] two_layer_model

# %% [check] two_layer_model

# %% [markdown] en
# ## Exercise 12: `L_layer_model`
#
# Train a network with $L$ layers, `[LINEAR → RELU] × (L − 1) → LINEAR → SIGMOID`. Every iteration
# is four calls: `L_model_forward`, `compute_cost`, `L_model_backward`, `update_parameters`.
# Initialise with the provided `initialize_parameters_deep_scaled(layers_dims)`, which divides the
# weights by $\sqrt{n^{[l-1]}}$ instead of multiplying them by `0.01`: with `0.01` the signal fades
# layer after layer and the four-layer model learns nothing.
#
# $$
# W^{[l]} = \frac{\operatorname{randn}\left(n^{[l]}, n^{[l-1]}\right)}{\sqrt{n^{[l-1]}}}
# $$
# %% [markdown] ar
# ## التمرين 12: `L_layer_model`
#
# درِّب شبكة من $L$ طبقة بالبنية `[LINEAR → RELU] × (L − 1) → LINEAR → SIGMOID`. كل تكرار أربعة
# استدعاءات: `L_model_forward` ثم `compute_cost` ثم `L_model_backward` ثم `update_parameters`.
# هيِّئ المعاملات بالدالة الجاهزة `initialize_parameters_deep_scaled(layers_dims)`، وهي تقسم الأوزان
# على $\sqrt{n^{[l-1]}}$ بدل ضربها في `0.01`: مع `0.01` تتضاءل الإشارة طبقةً بعد طبقة فلا يتعلّم
# نموذج الطبقات الأربع شيئًا.
#
# $$
# W^{[l]} = \frac{\operatorname{randn}\left(n^{[l]}, n^{[l-1]}\right)}{\sqrt{n^{[l-1]}}}
# $$

# %% [example] L_layer_model

# %% [check] L_layer_model

# %% [markdown] en
# ## Exercise 13: `predict`
#
# Use a trained network to predict labels: forward propagation with `L_model_forward` gives the
# probabilities, and each becomes 1 when it is strictly greater than 0.5, else 0. The line that
# prints the accuracy, the fraction of examples whose prediction equals the label, is written for
# you.
#
# $$
# \hat{y}^{(i)} = \mathbf{1}\left[a^{[L](i)} > 0.5\right]
# $$
# %% [markdown] ar
# ## التمرين 13: `predict`
#
# استعمل شبكة مدرَّبة للتنبؤ (prediction) بالوسوم (labels): يعطي الانتشار الأمامي بالدالة
# `L_model_forward` الاحتمالات، ويصير كل احتمال 1 إن كان أكبر من 0.5 تمامًا، و 0 فيما عدا ذلك. السطر
# الذي يطبع الدقة (accuracy)، أي نسبة الأمثلة (examples) التي طابق تنبؤها وسمَها، مكتوب لك.
#
# $$
# \hat{y}^{(i)} = \mathbf{1}\left[a^{[L](i)} > 0.5\right]
# $$

# %% [example] predict

# %% [check] predict

# %% [markdown] en
# ## The data
#
# The training set has 209 pictures and the test set 50; every picture is 64 × 64 pixels with three
# colour channels, labelled 1 for a cat and 0 otherwise. Each picture is flattened into one column
# and divided by 255, so `train_x` has shape `(12288, 209)`.
#
# The files do not come with the course. If the next cell says they are missing, get them with
# `amiq data fetch SOURCE` (your instructor gives you `SOURCE`) and run the cell again. Only if you
# cannot get them, set `USE_SYNTHETIC = True` to use a generated stand-in: the code runs the same,
# but its numbers are not the course's.
# %% [markdown] ar
# ## البيانات
#
# في مجموعة التدريب (training set) 209 صور، وفي مجموعة الاختبار (test set) 50 صورة؛ كل صورة 64 × 64
# بكسلًا بثلاث قنوات ألوان، ووسمها 1 للقطة و 0 لغيرها. تُسطَّح كل صورة في عمود واحد وتُقسم قيمها على
# 255، فيكون شكل `train_x` هو `(12288, 209)`.
#
# لا تأتي ملفات البيانات مع المقرر. فإن قالت الخلية الآتية إنها مفقودة فاجلبها بالأمر
# `amiq data fetch SOURCE` (يعطيك المعلّم `SOURCE`) ثم شغِّل الخلية من جديد. ولا تضع
# `USE_SYNTHETIC = True` إلا إن تعذّر عليك الحصول عليها، فتُستعمل بيانات اصطناعية بديلة: تعمل الشيفرة
# كما هي، لكن أرقامها ليست أرقام المقرر.

# %% [code]
from course.notebook.cat_app import (
    classify_picture,
    load_cat_data,
    show_cost_curves,
    show_mislabelled,
    show_picture,
    train_model,
)

USE_SYNTHETIC = False
data = load_cat_data(synthetic=USE_SYNTHETIC)

# %% [markdown] en
# One training picture and its label (change the index to see others):
# %% [markdown] ar
# صورة من مجموعة التدريب ووسمها (غيِّر الرقم لترى غيرها):

# %% [code]
show_picture(data, 10)

# %% [markdown] en
# ## Training the two models
#
# Both models train with your functions for 2500 iterations at the learning rate 0.0075, the
# assignment's values; a progress bar shows how far training is, and the cost is printed every 100
# iterations. Then `predict` measures the accuracy on the training set and on the test set. Compare
# your numbers with the table of expected results on the assignment's page.
# %% [markdown] ar
# ## تدريب النموذجين
#
# يتدرّب النموذجان بدوالك مدة 2500 تكرار بمعدّل التعلّم 0.0075، وهما قيمتا الواجب؛ ويُظهر شريط التقدّم
# (progress bar) مقدار ما تمّ من التدريب، وتُطبع التكلفة كل 100 تكرار. ثم تقيس `predict` الدقة على
# مجموعة التدريب وعلى مجموعة الاختبار. قارن أرقامك بجدول النتائج المتوقَّعة في صفحة الواجب.

# %% [code]
two_layer = train_model("two-layer", data, layers=(12288, 7, 1),
                        learning_rate=0.0075, iterations=2500)

# %% [code]
deep = train_model("L-layer", data, layers=(12288, 20, 7, 5, 1),
                   learning_rate=0.0075, iterations=2500)

# %% [markdown] en
# ## Cost curves
# %% [markdown] ar
# ## منحنيا التكلفة

# %% [code]
show_cost_curves({"two layers": two_layer, "four layers": deep});

# %% [markdown] en
# The figure shows the cost of each model every 100 iterations (horizontal axis: iteration;
# vertical axis: cost). Both costs fall as gradient descent proceeds. The deep model ends with a
# higher training cost, yet it is more accurate on the test set: the training cost alone does not
# tell which model is better.
# %% [markdown] ar
# يبيّن الشكل تكلفة كل نموذج كل 100 تكرار (المحور الأفقي: التكرار، iteration؛ والمحور العمودي: التكلفة،
# cost). تنخفض التكلفتان مع تقدّم النزول التدرّجي (gradient descent). وينتهي النموذج العميق بتكلفة
# تدريب أعلى، لكنه أدقّ على مجموعة الاختبار: فتكلفة التدريب وحدها لا تدلّ على النموذج الأفضل.

# %% [markdown] en
# ## Learning-rate lab
#
# Both models above trained with the learning rate 0.0075. Is it a good choice? The lesson
# *Parameters and hyperparameters* suggests an experiment: train the same model with several
# learning rates and compare the cost curves. What to look for:
#
# - **too small**: the cost falls steadily but slowly, and is still high when the iterations run
#   out;
# - **too large**: the steps overshoot, so the cost jumps up and down (oscillation), or even grows
#   (divergence), instead of settling;
# - **a good rate** makes the cost fall quickly and settle at a low value.
#
# The next cell trains the two-layer model `(12288, 7, 1)` with your functions once for each
# learning rate, 0.001, 0.0075, 0.03 and 0.1, for 1200 iterations each: fewer than above, so the
# four runs take a minute or two (they run side by side in worker processes, with a progress bar).
# It then draws the four cost curves and prints each setting's final cost and what happened.
# %% [markdown] ar
# ## مختبر معدّل التعلّم
#
# تدرّب النموذجان أعلاه بمعدّل التعلّم 0.0075. فهل هو اختيار جيد؟ يقترح درس *المعاملات والمعاملات
# الفائقة* تجربةً: درِّب النموذج نفسه بعدّة معدّلات تعلّم، وقارن منحنيات التكلفة. وهذا ما تبحث عنه:
#
# - **معدّل صغير جدًّا**: تتناقص التكلفة باطّراد لكن ببطء، وتبقى مرتفعة حين تنفد التكرارات؛
# - **معدّل كبير جدًّا**: تتجاوز الخطواتُ القيمةَ الصغرى، فتتذبذب التكلفة صعودًا وهبوطًا (oscillation)،
#   أو تزداد (التباعد، divergence)، بدل أن تستقرّ؛
# - **المعدّل المناسب** يجعل التكلفة تتناقص سريعًا وتستقرّ عند قيمة منخفضة.
#
# تدرّب الخلية الآتية نموذج الطبقتين `(12288, 7, 1)` بدوالك مرةً لكل معدّل تعلّم: 0.001 و 0.0075
# و 0.03 و 0.1، مدة 1200 تكرار لكلٍّ منها: أقل مما سبق، فتستغرق العمليات الأربع دقيقة أو دقيقتين (تعمل
# متجاورةً في عمليات عاملة، مع شريط تقدّم). ثم ترسم منحنيات التكلفة الأربعة، وتطبع التكلفة النهائية لكل
# إعداد وما جرى فيه.

# %% [code]
from course.notebook.lab_app import run_lab, save_choice

sweep = run_lab(data)

# %% [markdown] en
# The figure shows the cost of each setting during training (horizontal axis: iteration; vertical
# axis: cost), one curve per learning rate; a dashed curve is a setting that diverged. Compare
# where the curves end, and how they get there: which one is still high, which one keeps jumping
# up and down to the end, which one falls fastest and ends lowest? A few bumps on the way down are
# not a problem when the curve then settles lowest.
#
# Above 0.0075 training on these pictures is chaotic: tiny rounding differences (another computer,
# the same sums in another order) grow until two runs differ in their details, so your curves for
# 0.03 and 0.1 may not match the course's step by step. The settings were chosen so that the
# conclusion does not depend on it.
# %% [markdown] ar
# يبيّن الشكل تكلفة كل إعداد أثناء التدريب (المحور الأفقي: التكرار، iteration؛ والمحور العمودي:
# التكلفة، cost)، منحنًى لكل معدّل تعلّم؛ والمنحنى المتقطّع إعدادٌ تباعد. قارن أين تنتهي المنحنيات،
# وكيف تصل إلى نهايتها: أيّها ما زال مرتفعًا، وأيّها يظلّ يصعد ويهبط حتى النهاية، وأيّها يهبط أسرع
# وينتهي أدنى؟ ولا بأس ببعض النتوءات في أثناء الهبوط إذا استقرّ المنحنى بعدها عند أدنى قيمة.
#
# وفوق المعدّل 0.0075 يكون التدريب على هذه الصور فوضويًّا (chaotic): فالفروق الضئيلة في التقريب (حاسوب
# آخر، أو المجاميع نفسها بترتيب آخر) تكبر حتى تختلف عمليتان في تفاصيلهما، فقد لا تطابق منحنياتُك
# للمعدّلين 0.03 و 0.1 منحنياتِ المقرر خطوةً بخطوة. وقد اختيرت الإعدادات بحيث لا يتوقّف الاستنتاج
# على ذلك.

# %% [markdown] en
# ### Your choice
#
# Choose the learning rate whose cost ends lowest without jumping about at the end, write it in
# place of `None`, and run the cell: it records your choice in `course/c1w4/lab_choice.toml` (an
# earlier file is kept in `.amiq-backups/`). Then run the check. It trains the same sweep with the
# course's reference networks and passes when your choice's final cost is within 10 % of the
# lowest final cost of a setting that did not diverge. In the student bundle the check only reads
# your file: the choice is graded when you submit it.
# %% [markdown] ar
# ### اختيارك
#
# اختر معدّل التعلّم الذي تنتهي تكلفته أدنى من غيرها دون أن تتذبذب في النهاية، واكتبه مكان `None`، ثم
# شغِّل الخلية: فهي تسجّل اختيارك في الملف `course/c1w4/lab_choice.toml` (ويُحفظ أيّ ملف سابق في
# `.amiq-backups/`). ثم شغِّل خلية الفحص: فهي تدرّب المسح نفسه بشبكات المقرر المرجعية، وتنجح إذا كانت
# التكلفة النهائية لاختيارك في حدود 10 % من أدنى تكلفة نهائية لإعدادٍ لم يتباعد. أما في حزمة الطلاب
# فلا تفعل خلية الفحص إلا أن تقرأ ملفك، ويُصحَّح الاختيار حين تسلّمه.

# %% [code]
my_learning_rate = None  # one of 0.001, 0.0075, 0.03, 0.1
save_choice(learning_rate=my_learning_rate);

# %% [code]
grader.check("c1w4.lab");

# %% [markdown] en
# ## Mislabelled pictures
# %% [markdown] ar
# ## الصور المصنَّفة خطأً

# %% [code]
show_mislabelled(deep, data);

# %% [markdown] en
# The figure shows the test pictures the deep model gets wrong, each titled with its index, its true
# label and the prediction. Look for what they share: unusual colours or backgrounds, a cat in an
# unusual pose or too close, patterns that look like fur. With small pictures and only 209 training
# examples, the network learns colours and overall patterns more than shapes.
# %% [markdown] ar
# يبيّن الشكل صور الاختبار التي يخطئ فيها النموذج العميق، وفوق كل صورة رقمها ووسمها الصحيح (true)
# وتنبؤ النموذج (predicted). ابحث عمّا يجمعها: ألوان أو خلفيات غير مألوفة، أو قطة في وضعية غريبة أو
# قريبة جدًّا، أو نقوش تشبه الفرو. ومع صور صغيرة و 209 أمثلة تدريب فقط، تتعلّم الشبكة الألوان
# والأنماط العامة أكثر مما تتعلّم الأشكال.

# %% [markdown] en
# ## Try your own picture
#
# Put the path of a JPEG or PNG file of your own in `my_image` and run the cell: the picture is
# converted to RGB, resized to 64 × 64 and preprocessed like the training pictures, then the deep
# model classifies it. A file that cannot be read gets a message, not an error.
# %% [markdown] ar
# ## جرّب صورتك أنت
#
# ضع في `my_image` مسار ملف صورة من عندك بصيغة JPEG أو PNG، ثم شغِّل الخلية: تُحوَّل الصورة إلى RGB،
# ويُغيَّر حجمها إلى 64 × 64، وتُعالَج كما عولجت صور التدريب، ثم يصنّفها النموذج العميق. وإن تعذّرت
# قراءة الملف ظهرت رسالة توضّح السبب، لا خطأ.

# %% [code]
my_image = "my_cat.jpg"
classify_picture(my_image, deep);
