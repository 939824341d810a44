"""``amiq train``: train the two-layer or L-layer cat classifier and save its figures.

الأمر ``amiq train``: تدريب مصنِّف القطط ذي الطبقتين أو ذي الطبقات L وحفظ أشكاله.
"""

import argparse
import json
import sys
import traceback
import warnings
from pathlib import Path

from course.i18n import _, isolate

from .errors import CLIError

NOT_ATTEMPTED_EXIT = 2


def _layers(text):
    from course.train import TrainingConfigError, parse_layers

    try:
        return parse_layers(text)
    except TrainingConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive_float(text):
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(
            _("expected a positive number, got {value}").format(value=isolate(repr(text)))
        )
    return value


def _positive_int(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("expected a positive integer, got {value}").format(value=isolate(repr(text)))
        )
    return value


def add_parser(subparsers):
    p = subparsers.add_parser(
        "train",
        help=_("train the cat classifier, print costs and accuracy, save figures"),
        description=_(
            "Train the two-layer or the L-layer model on the cat-vs-non-cat data with the "
            "reference solution or your own functions (--impl student). Prints the cost every "
            "100 iterations like the course, then the train and test accuracy, and writes "
            "cost.png and mislabelled.png into --out."
        ),
    )
    p.add_argument("--model", choices=("two-layer", "L-layer"), default="L-layer",
                   help=_("which model (default: %(default)s)"))
    p.add_argument("--impl", choices=("reference", "student"), default="student",
                   help=_("the reference solution or your code in course/c1w4 "
                          "(default: %(default)s)"))
    p.add_argument("--layers", type=_layers, default=None,
                   help=_("layer sizes, input first (default: 12288,7,1 for two-layer, "
                          "12288,20,7,5,1 for L-layer)"))
    p.add_argument("--learning-rate", type=_positive_float, default=0.0075,
                   help=_("gradient-descent learning rate (default: %(default)s)"))
    p.add_argument("--iterations", type=_positive_int, default=2500,
                   help=_("number of iterations (default: %(default)s)"))
    p.add_argument("--data-dir", type=Path, default=None,
                   help=_("the data folder (default: AMIQ_DATA_DIR, else datasets/catvnoncat)"))
    p.add_argument("--synthetic", action="store_true",
                   help=_("use the synthetic stand-in (see: amiq data synthesize)"))
    p.add_argument("--out", type=Path, default=Path("out"),
                   help=_("folder for cost.png, mislabelled.png and summary.json "
                          "(default: %(default)s)"))
    p.add_argument("--print-cost", action=argparse.BooleanOptionalAction, default=True,
                   help=_("print the cost every 100 iterations (default: on)"))
    p.add_argument("--quiet", action="store_true",
                   help=_("no cost lines and no progress bar; only the results"))
    p.set_defaults(handler=run)


def _summary(result, synthetic, files):
    return {
        "model": result.model,
        "impl": result.impl,
        "layers": list(result.layers),
        "learning_rate": result.learning_rate,
        "iterations": result.iterations,
        "synthetic": synthetic,
        "first_cost": result.first_cost,
        "final_cost": result.final_cost,
        "costs": result.costs,
        "train_accuracy": result.train_accuracy,
        "test_accuracy": result.test_accuracy,
        "seconds": round(result.seconds, 3),
        "figures": [str(f) for f in files],
    }


def run(args, out):
    from course.data import load_data, preprocess, synthetic_notice
    from course.plots import plot_cost_curve, plot_mislabelled
    from course.train import (DEFAULT_LAYERS, ImplementationError, NotAttemptedError,
                              TrainingConfigError, train)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the synthetic warning is printed below, more loudly
        train_x_orig, train_y, test_x_orig, test_y, classes = load_data(
            args.data_dir, synthetic=args.synthetic
        )
    if args.synthetic:
        print(f"*** {synthetic_notice()} ***", file=sys.stderr)
    train_x, test_x = preprocess(train_x_orig), preprocess(test_x_orig)
    print(
        _("Training the {model} model ({impl} implementation): layers {layers}, learning rate "
          "{lr}, {iterations} iterations, {m} training images.").format(
            model=isolate(args.model), impl=isolate(args.impl),
            layers=isolate(",".join(map(str, args.layers or DEFAULT_LAYERS[args.model]))),
            lr=isolate(args.learning_rate), iterations=isolate(args.iterations),
            m=isolate(train_x.shape[1]),
        ),
        file=out,
    )
    try:
        result = train(
            train_x, train_y, test_x, test_y, model=args.model, impl=args.impl,
            layers=args.layers, learning_rate=args.learning_rate, iterations=args.iterations,
            print_cost=args.print_cost and not args.quiet,
            show_bar=False if args.quiet else None, out=out,
        )
    except NotAttemptedError as exc:
        raise CLIError(str(exc), NOT_ATTEMPTED_EXIT) from None
    except (ImplementationError, TrainingConfigError) as exc:
        raise CLIError(str(exc)) from None
    except Exception:
        if args.impl != "student":
            raise
        traceback.print_exc(file=sys.stderr)
        raise CLIError(
            _("Your implementation raised the error above while training; fix it and check it "
              "with {command}.").format(command=isolate("amiq grade"))
        ) from None
    for name, acc, y in (("train", result.train_accuracy, train_y),
                         ("test", result.test_accuracy, test_y)):
        correct = int(round(acc * y.shape[1]))
        label = _("Train accuracy") if name == "train" else _("Test accuracy")
        print(_("{label}: {accuracy} ({correct} of {m} correct)").format(
            label=label, accuracy=isolate(acc), correct=isolate(correct),
            m=isolate(y.shape[1])), file=out)
    print(_("Training took {seconds} s.").format(seconds=isolate(f"{result.seconds:.1f}")),
          file=out)
    try:
        title = f"{args.model} model, {result.iterations} iterations"
        if args.synthetic:
            title += " (SYNTHETIC data)"
        files = [
            plot_cost_curve(result.costs, args.out / "cost.png",
                            learning_rate=result.learning_rate, title=title),
            plot_mislabelled(test_x_orig, test_y, result.test_predictions, classes,
                             args.out / "mislabelled.png"),
        ]
        summary = args.out / "summary.json"
        summary.write_text(json.dumps(_summary(result, args.synthetic, files), indent=2) + "\n",
                           encoding="utf-8")
    except OSError as exc:
        raise CLIError(_("Cannot write the figures into {folder}: {reason}.").format(
            folder=isolate(args.out), reason=exc.strerror or exc)) from None
    print(_("Wrote {files}.").format(files=isolate(", ".join(str(f) for f in files + [summary]))),
          file=out)
    if args.synthetic:
        print(f"*** {synthetic_notice()} ***", file=sys.stderr)
    return 0
