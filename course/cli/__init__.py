"""The ``amiq`` command line: ``stubs``, ``data``, ``train``, ``grade``, ``expected``, ``release``.

واجهة سطر الأوامر ``amiq``.

One module per subcommand (``cmd_*``), the translated parser (``parser``), the grader
delegation (``delegate``) and the entry point (``main``).
"""
