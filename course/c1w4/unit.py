"""Unit c1w4 (Course 1, Week 4): deep L-layer neural networks, then the cat classifier.

الوحدة c1w4 (المقرر 1، الأسبوع 4): الشبكات العصبية العميقة ذات L طبقة، ثم مصنِّف القطط.

This manifest is the unit's one registration: ``course.units`` finds it and every generic tool
(grader, CLI, release, docs) reads the unit from here. See :mod:`course.units` for where the
unit's other parts live.
"""

from course.i18n import N_
from course.units import Assignment, Unit

UNIT = Unit(
    id="c1w4",
    course=1,
    week=4,
    title=N_("Deep neural networks"),
    assignments=(
        Assignment(
            "step_by_step",
            N_("Building a deep neural network, step by step"),
            (
                "initialize_parameters",
                "initialize_parameters_deep",
                "linear_forward",
                "linear_activation_forward",
                "L_model_forward",
                "compute_cost",
                "linear_backward",
                "linear_activation_backward",
                "L_model_backward",
                "update_parameters",
            ),
        ),
        Assignment(
            "cat_classifier",
            N_("Deep neural network application: cat vs non-cat"),
            ("two_layer_model", "L_layer_model", "predict"),
        ),
    ),
    depends={
        "linear_activation_forward": ("linear_forward",),
        "L_model_forward": ("linear_activation_forward",),
        "linear_activation_backward": ("linear_backward",),
        "L_model_backward": ("linear_activation_backward",),
        "two_layer_model": (
            "initialize_parameters",
            "linear_activation_forward",
            "compute_cost",
            "linear_activation_backward",
            "update_parameters",
        ),
        "L_layer_model": ("L_model_forward", "compute_cost", "L_model_backward",
                          "update_parameters"),
        "predict": ("L_model_forward",),
    },
    provided={
        "dnn_helpers": ("sigmoid", "relu", "sigmoid_backward", "relu_backward"),
        "cat_classifier": ("initialize_parameters_deep_scaled",),
    },
    dataset=N_("cat vs non-cat images (64 x 64 RGB; 209 train, 50 test)"),
)
