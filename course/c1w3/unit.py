"""Unit c1w3 (Course 1, Week 3): planar data classification with one hidden layer.

الوحدة c1w3 (المقرر 1، الأسبوع 3): تصنيف بيانات مستوية بشبكة ذات طبقة مخفية واحدة.

This manifest is the unit's one registration (see :mod:`course.units`).
"""

from course.i18n import N_
from course.units import Assignment, Unit

UNIT = Unit(
    id="c1w3",
    course=1,
    week=3,
    title=N_("Shallow neural networks"),
    assignments=(
        Assignment(
            "planar_classifier",
            N_("Planar data classification with one hidden layer"),
            ("layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
             "backward_propagation", "update_parameters", "nn_model", "predict"),
        ),
    ),
    depends={
        "nn_model": ("layer_sizes", "initialize_parameters", "forward_propagation",
                     "compute_cost", "backward_propagation", "update_parameters"),
        "predict": ("forward_propagation",),
    },
    provided={
        "planar_utils": ("load_planar_dataset", "load_extra_datasets", "sigmoid",
                         "accuracy_percent", "decision_grid", "plot_decision_boundary",
                         "logistic_regression_baseline"),
    },
    dataset=N_("the planar \"flower\" data set (400 points in 2 classes), generated"),
)
