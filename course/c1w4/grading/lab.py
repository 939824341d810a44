"""The learning-rate lab of unit c1w4, declared: the sweep students run and how a choice passes.

مختبر معدّل التعلّم في الوحدة c1w4 مُعلَنًا: المسح الذي يشغّله الطالب، ومتى ينجح اختياره.

The application notebook runs this sweep with the student's own functions; :mod:`grader.lab`
reruns it with the reference networks and accepts a choice whose final cost is within ``margin``
of the best. Why these settings:

* they span the lesson's cases: too small (the cost barely moves), too large (it jumps about),
  and rates in between;
* above 0.0075, training on these pictures is chaotic: rounding differences (another BLAS build)
  grow after a few hundred iterations, so curves differ in their details from machine to
  machine. At 1200 iterations the settings within the margin are nevertheless the same in
  every run, and far from the margin's edge (``tests/course/c1w4/grading/test_lab.py``
  checks this with rounding-sized noise on the data);
* 1200 iterations of four rates take one to two minutes with a student's functions on two
  cores (91 s measured for the course-style loop on a loaded machine; its chaotic curves end
  elsewhere than the fast engine's, with the same settings within the margin).
"""

from grader.declare import LearningRateLab

LAB = LearningRateLab(
    unit="c1w4",
    model="two-layer",
    layers=(12288, 7, 1),
    rates=(0.001, 0.0075, 0.03, 0.1),
    iterations=1200,
    margin=0.10,
    points=10,
)
