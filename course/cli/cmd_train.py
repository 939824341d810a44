"""``amiq train``: train the two-layer or L-layer cat classifier and save its figures.

الأمر ``amiq train``: تدريب مصنِّف القطط ذي الطبقتين أو ذي الطبقات L وحفظ أشكاله.
"""

import argparse
import json
import os
import sys
import traceback
import warnings
from pathlib import Path

from course.i18n import _, current_language, isolate, ngettext

from .errors import BAD_INPUT_EXIT, CLIError
from .output import texts
from .parser import positive_float, positive_int, type_error

NOT_ATTEMPTED_EXIT = 2


def _layers(text):
    from course.train import TrainingConfigError, parse_layers

    try:
        return parse_layers(text)
    except TrainingConfigError as exc:
        raise type_error(exc.render) from None


def add_engine_argument(parser, sweep=False):
    """``--engine fast|reference|student`` (shared with ``amiq sweep``)."""
    from course.train.engines import ENGINES

    what = _("who runs the training loop: fast (the course's networks, same numbers, much "
             "sooner), reference (the course's own loop) or student (your functions)")
    if sweep:
        default = _("default: fast where it is installed, else student")
    else:
        default = _("default: fast with --impl reference, else student")
    parser.add_argument("--engine", choices=tuple(ENGINES), default=None,
                        help=f"{what}; {default}")


def resolve_cli_engine(args):
    """The engine ``--engine`` and ``--impl`` ask for (``student`` when neither is given).

    Raises
    ------
    CLIError
        The two options contradict each other.
    """
    from course.train import TrainingConfigError, resolve_engine

    try:
        return resolve_engine(args.engine, args.impl, default_impl="student")
    except TrainingConfigError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None


def load_training_data(data_dir, synthetic):
    """``load_data(data_dir, synthetic=...)``, its warnings silenced (the caller says more loudly).

    Raises
    ------
    CLIError
        Exit status 2: the data folder or its files are missing or not the course's.
    """
    from course.data import load_data
    from course.data.errors import DataError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return load_data(data_dir, synthetic=synthetic)
        except DataError as exc:
            raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None


def add_parser(subparsers):
    p = subparsers.add_parser(
        "train",
        help=_("train the cat classifier, print costs and accuracy, save figures"),
        description=_(
            "Train the two-layer or the L-layer model on the cat-vs-non-cat data with the "
            "reference solution or your own functions (--impl student). Prints the cost every "
            "100 iterations like the course, then the train and test accuracy, and writes "
            "cost.png and mislabelled.png into --out. The reference networks train on the fast "
            "engine (same numbers, much sooner) unless --engine reference asks for the course's "
            "own loop."
        ),
    )
    p.add_argument("--model", choices=("two-layer", "L-layer"), default="L-layer",
                   help=_("which model (default: %(default)s)"))
    p.add_argument("--impl", choices=("reference", "student"), default=None,
                   help=_("the reference solution or your code in course/c1w4 "
                          "(default: student)"))
    add_engine_argument(p)
    p.add_argument("--layers", type=_layers, default=None,
                   help=_("layer sizes, input first (default: 12288,7,1 for two-layer, "
                          "12288,20,7,5,1 for L-layer)"))
    p.add_argument("--learning-rate", type=positive_float, default=0.0075,
                   help=_("gradient-descent learning rate (default: %(default)s)"))
    p.add_argument("--iterations", type=positive_int, default=2500,
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
        "engine": result.engine,
        "first_layer_method": result.method,
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


def check_out_dir(folder):
    """Fail early unless ``folder`` is a writable folder or can be created as one.

    Nothing is created here (training may still fail); the figures' writer creates it.

    Raises
    ------
    CLIError
        Exit status 2: ``folder`` is a file, or it (or its nearest existing parent) is not
        writable.
    """
    folder = Path(folder).expanduser()
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise CLIError(lambda: _("{folder} is not a folder: {flag} needs a folder for the "
                                 "figures.").format(folder=isolate(probe), flag=isolate("--out")),
                       BAD_INPUT_EXIT)
    if not os.access(probe, os.W_OK | os.X_OK):
        raise CLIError(lambda: _("Cannot write into {folder}: permission denied. Choose another "
                                 "folder with {flag}.").format(folder=isolate(probe),
                                                               flag=isolate("--out")),
                       BAD_INPUT_EXIT)


def format_accuracy(value):
    """An accuracy for people: at most 4 decimals (``1.0``, ``0.34``, ``0.9856``)."""
    return str(round(float(value), 4))


def format_seconds(seconds):
    """Seconds with enough digits for short runs (``0.0123``) and one decimal for long ones."""
    return f"{seconds:.3g}" if seconds < 10 else f"{seconds:.1f}"


def run(args, out):
    from course.data import preprocess, synthetic_notice
    from course.plots import FIGURE_LANGUAGE_NOTE, plot_cost_curve, plot_mislabelled
    from course.train import (DEFAULT_LAYERS, ImplementationError, NotAttemptedError,
                              TrainingConfigError, correct_count, train, validate_layers)
    from course.train.engines import load_fast

    # Everything that can be checked without the data is checked before loading it.
    layers = tuple(args.layers or DEFAULT_LAYERS[args.model])
    engine = resolve_cli_engine(args)
    try:
        validate_layers(args.model, layers)
        if engine == "fast":
            load_fast()  # a student bundle has none: say so before loading the data
    except (TrainingConfigError, ImplementationError) as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    check_out_dir(args.out)
    # The synthetic warning is printed below, more loudly.
    train_x_orig, train_y, test_x_orig, test_y, classes = load_training_data(
        args.data_dir, args.synthetic)
    if args.synthetic:
        print(f"*** {synthetic_notice()} ***", file=sys.stderr)
    train_x, test_x = preprocess(train_x_orig), preprocess(test_x_orig)
    try:
        validate_layers(args.model, layers, n_x=train_x.shape[0])
    except TrainingConfigError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    print(
        ngettext(
            "Training the {model} model ({engine} engine): layers {layers}, learning rate "
            "{lr}, {iterations} iteration, {m} training images.",
            "Training the {model} model ({engine} engine): layers {layers}, learning rate "
            "{lr}, {iterations} iterations, {m} training images.",
            args.iterations,
        ).format(
            model=isolate(args.model), engine=isolate(engine),
            layers=isolate(",".join(map(str, layers))),
            lr=isolate(args.learning_rate), iterations=isolate(args.iterations),
            m=isolate(train_x.shape[1]),
        ),
        file=out,
    )
    try:
        result = train(
            train_x, train_y, test_x, test_y, model=args.model, engine=engine,
            layers=layers, learning_rate=args.learning_rate, iterations=args.iterations,
            print_cost=args.print_cost and not args.quiet,
            show_bar=False if args.quiet else None, out=out,
        )
    except NotAttemptedError as exc:
        raise CLIError.wrap(exc, NOT_ATTEMPTED_EXIT) from None
    except (ImplementationError, TrainingConfigError) as exc:
        raise CLIError.wrap(exc) from None
    except Exception:
        if engine != "student":
            raise
        traceback.print_exc(file=sys.stderr)
        raise CLIError(
            lambda: _("Your implementation raised the error above while training; fix it and "
                      "check it with {command}.").format(command=isolate("amiq grade"))
        ) from None
    for name, acc, pred, y in (("train", result.train_accuracy, result.train_predictions, train_y),
                               ("test", result.test_accuracy, result.test_predictions, test_y)):
        label = _("Train accuracy") if name == "train" else _("Test accuracy")
        print(_("{label}: {accuracy} ({correct} of {m} correct)").format(
            label=label, accuracy=isolate(format_accuracy(acc)),
            correct=isolate(correct_count(pred, y)), m=isolate(y.shape[1])), file=out)
    print(_("Training took {seconds} s.").format(seconds=isolate(format_seconds(result.seconds))),
          file=out)
    try:
        # Figure text stays English (see course.plots); titles follow English plural rules.
        noun = "iteration" if result.iterations == 1 else "iterations"
        title = f"{args.model} model, {result.iterations} {noun}"
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
        raise CLIError(lambda exc=exc: _("Cannot write the figures into {folder}: {reason}.").format(
            folder=isolate(args.out), reason=exc.strerror or exc)) from None
    print(_("Wrote {files}.").format(files=isolate(", ".join(str(f) for f in files + [summary]))),
          file=out)
    if current_language() != "en":
        # One bilingual line: the figures themselves stay English (see course.plots).
        print(" / ".join(texts(lambda: _(FIGURE_LANGUAGE_NOTE), both=True)), file=out)
    if args.synthetic:
        print(f"*** {synthetic_notice()} ***", file=sys.stderr)
    return 0
