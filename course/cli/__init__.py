"""The ``amiq`` command line: one parser tree, one subcommand per module.

واجهة سطر الأوامر ``amiq``: شجرة محلِّل واحدة، ووحدة برمجية لكل أمر فرعي.

``main`` builds the tree and runs a command; each ``cmd_<name>`` module defines one subcommand
(``add_parser(subparsers)`` and ``run(args, out)``): ``units``, ``grade`` (with ``grade_quiz`` for
``amiq grade quiz``), ``quiz``, ``data``, ``train``, ``stubs``, ``expected``, ``docs``, ``release``. ``parser`` is the translated ``argparse`` parser,
``output`` the one printer of messages (errors in both languages), ``errors`` the commands' error
type, ``unit_option`` the ``--unit`` option and ``paths`` the project folder.
"""
