"""``amiq sweep``: train one architecture over several learning rates and compare the runs.

الأمر ``amiq sweep``: تدريب بنية واحدة بعدّة معدّلات تعلّم ومقارنة النتائج.

A thin command over :func:`course.train.sweep.run_sweep` and
:func:`course.train.sweep_files.write_sweep`.
"""

import sys
from pathlib import Path

from course.i18n import _, current_language, isolate, ngettext

from .output import texts

from .cmd_train import (BAD_INPUT_EXIT, NOT_ATTEMPTED_EXIT, _layers, add_engine_argument,
                        check_out_dir, load_training_data)
from .errors import CLIError
from .parser import positive_float, positive_int

DEFAULT_OUT = Path("out") / "sweep"


def add_parser(subparsers):
    from course.train.sweep import DEFAULT_RATES

    p = subparsers.add_parser(
        "sweep",
        help=_("train one model with several learning rates and compare their cost curves"),
        description=_(
            "Train one architecture once per learning rate, in parallel worker processes, then "
            "write one plot of all the cost curves (sweep.png, sweep.svg) and a table of the "
            "final cost, train and test accuracy and time (sweep.csv, sweep.json) into --out. "
            "A rate that makes the cost rise or stop being a number is reported as diverged."
        ),
    )
    p.add_argument("--lr", type=positive_float, nargs="+", metavar="RATE",
                   default=list(DEFAULT_RATES),
                   help=_("the learning rates to compare (default: {rates})").format(
                       rates=" ".join(map(str, DEFAULT_RATES))))
    p.add_argument("--iterations", type=positive_int, default=2500,
                   help=_("number of iterations of every run (default: %(default)s)"))
    p.add_argument("--model", choices=("two-layer", "L-layer"), default="L-layer",
                   help=_("which model (default: %(default)s)"))
    p.add_argument("--layers", type=_layers, default=None,
                   help=_("layer sizes, input first (default: 12288,7,1 for two-layer, "
                          "12288,20,7,5,1 for L-layer)"))
    add_engine_argument(p, sweep=True)
    p.add_argument("--jobs", type=positive_int, default=None,
                   help=_("worker processes (default: all cores, at most one per rate)"))
    p.add_argument("--data-dir", type=Path, default=None,
                   help=_("the data folder (default: AMIQ_DATA_DIR, else datasets/catvnoncat)"))
    p.add_argument("--synthetic", action="store_true",
                   help=_("use the synthetic stand-in (see: amiq data synthesize)"))
    p.add_argument("--out", type=Path, default=DEFAULT_OUT,
                   help=_("folder for sweep.png, sweep.svg, sweep.csv and sweep.json "
                          "(default: %(default)s)"))
    p.add_argument("--log-scale", action="store_true",
                   help=_("draw the cost axis on a logarithmic scale"))
    p.add_argument("--quiet", action="store_true", help=_("no progress bar"))
    p.set_defaults(handler=run)


def run(args, out):
    from course.data import preprocess, synthetic_notice
    from course.plots import FIGURE_LANGUAGE_NOTE
    from course.train import DEFAULT_LAYERS, ImplementationError, TrainingConfigError
    from course.train.engines import default_sweep_engine, load_fast
    from course.train.impl import NotAttemptedError
    from course.train.run import validate_layers
    from course.train.sweep import SweepError, run_sweep, validate_rates
    from course.train.sweep_files import summary_lines, write_sweep

    # Everything that can be checked without the data is checked before loading it.
    layers = tuple(args.layers or DEFAULT_LAYERS[args.model])
    engine = args.engine or default_sweep_engine()
    try:
        rates = validate_rates(args.lr)
        validate_layers(args.model, layers)
        if engine == "fast":
            load_fast()
    except (TrainingConfigError, ImplementationError) as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    check_out_dir(args.out)
    # The synthetic warning is printed below, more loudly.
    train_x_orig, train_y, test_x_orig, test_y, _classes = load_training_data(
        args.data_dir, args.synthetic)
    if args.synthetic:
        print(f"*** {synthetic_notice()} ***", file=sys.stderr)
    train_x, test_x = preprocess(train_x_orig), preprocess(test_x_orig)
    try:
        validate_layers(args.model, layers, n_x=train_x.shape[0])
    except TrainingConfigError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    print(ngettext("Sweep of {count} learning rate: {rates}.",
                   "Sweep of {count} learning rates: {rates}.", len(rates)).format(
        count=isolate(len(rates)), rates=isolate(", ".join(f"{r:g}" for r in rates))), file=out)
    print(ngettext(
        "The {model} model ({engine} engine): layers {layers}, {iterations} iteration per "
        "rate, {m} training images.",
        "The {model} model ({engine} engine): layers {layers}, {iterations} iterations per "
        "rate, {m} training images.", args.iterations).format(
        model=isolate(args.model), engine=isolate(engine),
        layers=isolate(",".join(map(str, layers))), iterations=isolate(args.iterations),
        m=isolate(train_x.shape[1])), file=out)
    out.flush()
    try:
        result = run_sweep(train_x, train_y, test_x, test_y, rates, iterations=args.iterations,
                           model=args.model, layers=layers, engine=engine, jobs=args.jobs,
                           show_bar=False if args.quiet else None)
    except NotAttemptedError as exc:
        raise CLIError.wrap(exc, NOT_ATTEMPTED_EXIT) from None
    except SweepError as exc:
        if exc.details:
            print(exc.details, file=sys.stderr)
        raise CLIError.wrap(exc) from None
    except (ImplementationError, TrainingConfigError) as exc:
        raise CLIError.wrap(exc) from None
    for line in summary_lines(result):
        print(line, file=out)
    print(ngettext("The sweep took {seconds} s with {count} worker process.",
                   "The sweep took {seconds} s with {count} worker processes.",
                   result.jobs).format(seconds=isolate(f"{result.seconds:.2f}"),
                                       count=isolate(result.jobs)), file=out)
    try:
        files, backups = write_sweep(result, args.out, synthetic=args.synthetic,
                                     log_scale=args.log_scale)
    except OSError as exc:
        raise CLIError(lambda exc=exc: _("Cannot write the sweep's files into {folder}: "
                                         "{reason}.").format(folder=isolate(args.out),
                                                             reason=exc.strerror or exc)) from None
    if backups:
        print(_("Earlier sweep files were moved to {folder}.").format(
            folder=isolate(backups[0].parent)), file=out)
    print(_("Wrote {files}.").format(files=isolate(", ".join(str(f) for f in files))), file=out)
    if current_language() != "en":
        # One bilingual line: the figures themselves stay English (see course.plots).
        print(" / ".join(texts(lambda: _(FIGURE_LANGUAGE_NOTE), both=True)), file=out)
    if args.synthetic:
        print(f"*** {synthetic_notice()} ***", file=sys.stderr)
    return 0
