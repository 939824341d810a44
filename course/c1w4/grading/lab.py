"""The learning-rate lab of unit c1w4, declared: the sweep students run and how a choice passes.

مختبر معدّل التعلّم في الوحدة c1w4 مُعلَنًا: المسح الذي يشغّله الطالب، ومتى ينجح اختياره.

The application notebook runs this sweep with the student's own functions; :mod:`grader.lab`
reruns it with the reference networks and accepts a choice whose final cost is within
``margin`` of the best. Why these settings (measured with the fast engine, one BLAS thread, and
with the data perturbed by rounding-sized noise, ``tests/grader/test_lab.py``):

* 0.001 and 0.0075 are stable: runs agree to about 1e-12 whatever the rounding;
* 0.03 and 0.1 are chaotic: rounding differences grow after about 500-700 iterations. 0.03
  goes through a phase of spikes (the cost of single iterations jumps above 1) that ends by
  iteration 1000, then settles: at 1200 iterations its final cost is between 0.021 and 0.025 in
  every run, far below every other setting (0.0075 ends near 0.28, 0.1 between 0.35 and 0.65,
  0.001 near 0.64). So the settings within 10 % of the best are the same on any machine: 0.03.
* 1200 iterations of four rates take about a minute with a student's functions on two cores.
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
