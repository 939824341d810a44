"""``amiq data``: where the data is, check it, fetch it, or synthesise a stand-in.

الأمر ``amiq data``: مكان البيانات، وفحصها، وجلبها، وتوليد بديل اصطناعي عنها.
"""

import warnings
from pathlib import Path

from course.i18n import _, isolate

from .errors import BAD_INPUT_EXIT, CLIError
from .parser import positive_int


def add_parser(subparsers):
    p = subparsers.add_parser(
        "data",
        help=_("locate, check, fetch or synthesise the cat-vs-non-cat data"),
        description=_(
            "The data folder is --data-dir if given, else the environment variable "
            "AMIQ_DATA_DIR, else datasets/catvnoncat/ in the project."
        ),
    )
    sub = p.add_subparsers(dest="data_command", metavar="ACTION", required=True,
                           title=_("actions"))

    where = sub.add_parser(
        "where",
        help=_("print the data folder in use"),
        description=_(
            "Print the data folder amiq uses: --data-dir if given, else the environment "
            "variable AMIQ_DATA_DIR, else datasets/catvnoncat/ in the project. The folder is "
            "not checked; use amiq data check for that."
        ),
    )
    where.add_argument("--data-dir", type=Path, default=None, help=_("the data folder"))
    where.set_defaults(handler=run_where)

    check = sub.add_parser(
        "check",
        help=_("verify the files' SHA-256 digests and layout"),
        description=_(
            "Check that the data folder holds the course's two files: their SHA-256 digests, "
            "then their HDF5 layout (keys, shapes and types). Prints the size of each set."
        ),
    )
    check.add_argument("--data-dir", type=Path, default=None, help=_("the data folder"))
    check.add_argument("--synthetic", action="store_true",
                       help=_("check the synthetic stand-in instead of the real files"))
    check.set_defaults(handler=run_check)

    fetch = sub.add_parser(
        "fetch",
        help=_("copy or download the two files and verify them"),
        description=_(
            "Copy or download train_catvnoncat.h5 and test_catvnoncat.h5 from SOURCE into the "
            "data folder. Both files are verified before anything is written in place; a "
            "different file already there is moved to .amiq-backups/ first."
        ),
    )
    fetch.add_argument("source", metavar="SOURCE",
                       help=_("a folder holding the files, or an http(s):// or file:// URL"))
    fetch.add_argument("--data-dir", type=Path, default=None,
                       help=_("where to put them (default: the data folder in use)"))
    fetch.set_defaults(handler=run_fetch)

    synth = sub.add_parser(
        "synthesize",
        help=_("write the synthetic stand-in (offline demos and tests)"),
        description=_(
            "Write train_synthetic_catvnoncat.h5 and test_synthetic_catvnoncat.h5: generated "
            "images with the course's layout, marked as synthetic. They are loaded only when "
            "asked for with --synthetic."
        ),
    )
    synth.add_argument("--out", type=Path, default=None,
                       help=_("output folder (default: the data folder in use)"))
    synth.add_argument("--train", type=positive_int, default=40,
                       help=_("number of training images (default: %(default)s)"))
    synth.add_argument("--test", type=positive_int, default=10,
                       help=_("number of test images (default: %(default)s)"))
    synth.add_argument("--seed", type=int, default=0, help=_("random seed (default: %(default)s)"))
    synth.set_defaults(handler=run_synthesize)


def run_where(args, out):
    from course.data.locate import resolve_data_dir

    print(resolve_data_dir(args.data_dir), file=out)
    return 0


def run_check(args, out):
    from course.data import load_data, synthetic_notice
    from course.data.locate import how_it_was_chosen, resolve_data_dir

    folder = resolve_data_dir(args.data_dir)
    print(_("Data folder: {folder} ({how}).").format(
        folder=isolate(folder), how=how_it_was_chosen(args.data_dir)), file=out)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # Pass the user's own choice on, so an error names the same source as the line above.
        train_x, train_y, test_x, test_y, classes = load_data(args.data_dir,
                                                              synthetic=args.synthetic)
    if args.synthetic:
        print(synthetic_notice(), file=out)
    else:
        print(_("SHA-256 digests match the course's files."), file=out)
    summaries = (
        (_("Training set: images {x_shape}, labels {y_shape}, {cats} cats."), train_x, train_y),
        (_("Test set: images {x_shape}, labels {y_shape}, {cats} cats."), test_x, test_y),
    )
    for template, x, y in summaries:
        print(template.format(x_shape=isolate(x.shape), y_shape=isolate(y.shape),
                              cats=isolate(int(y.sum()))), file=out)
    names = ", ".join(c.decode("utf-8", "replace") if isinstance(c, bytes) else str(c)
                      for c in classes.tolist())
    print(_("Classes: {classes}.").format(classes=isolate(names)), file=out)
    return 0


def run_fetch(args, out):
    from course.data import fetch
    from course.data.errors import DataSourceError
    from course.data.locate import resolve_data_dir

    print(_("Fetching into {folder} ...").format(folder=isolate(resolve_data_dir(args.data_dir))),
          file=out)
    try:
        results = fetch(args.source, args.data_dir)
    except DataSourceError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    for name, status, backup in results:
        if status == "present":
            print(_("{file}: already present and verified.").format(file=isolate(name)), file=out)
        else:
            print(_("{file}: fetched and verified.").format(file=isolate(name)), file=out)
        if backup is not None:
            print(_("  the different file that was there is kept at {backup}.").format(
                backup=isolate(backup)), file=out)
    return 0


def run_synthesize(args, out):
    from course.data import synthesize
    from course.data.locate import resolve_data_dir

    folder = args.out if args.out is not None else resolve_data_dir(None)
    written = synthesize(folder, n_train=args.train, n_test=args.test, seed=args.seed)
    for path, backup in written:
        print(_("Wrote {file} (SYNTHETIC).").format(file=isolate(path)), file=out)
        if backup is not None:
            print(_("  the different file that was there is kept at {backup}.").format(
                backup=isolate(backup)), file=out)
    print(_("Use it with {command}.").format(
        command=isolate(f"amiq train --synthetic --data-dir {folder}")), file=out)
    return 0

