"""The modules student code can import in the sandbox: numpy and a fixed list of standard ones.

الوحدات التي تستطيع شيفرة الطالب استيرادها داخل صندوق العزل: numpy وقائمة ثابتة من المكتبة القياسية.

The zygote imports all of them before it enters the jail; the jail then holds no Python files at
all (only the submission's folder and a private temporary folder), so an import of anything else
fails with ``ModuleNotFoundError``. Standard library only: the worker imports this module.
"""

# numpy and the subpackages a submission may use (numpy 2 imports several of them lazily, on
# first attribute access, which would need the interpreter's files inside the jail).
NUMPY_MODULES = (
    "numpy",
    "numpy.random",
    "numpy.linalg",
    "numpy.fft",
    "numpy.polynomial",
    "numpy.ma",
    "numpy.lib",
    "numpy.lib.stride_tricks",
    "numpy.lib.scimath",
    "numpy.lib.recfunctions",
    "numpy.lib.npyio",
    "numpy.lib.format",
    "numpy.lib.mixins",
    "numpy.lib.array_utils",
    "numpy.lib.introspect",
    "numpy.exceptions",
    "numpy.dtypes",
    "numpy.ctypeslib",
    "numpy.char",
    "numpy.rec",
    "numpy.strings",
)

STANDARD_MODULES = (
    "abc",
    "array",
    "base64",
    "bisect",
    "cmath",
    "collections",
    "collections.abc",
    "contextlib",
    "copy",
    "csv",
    "dataclasses",
    "datetime",
    "decimal",
    "enum",
    "fractions",
    "functools",
    "hashlib",
    "heapq",
    "io",
    "itertools",
    "json",
    "math",
    "numbers",
    "operator",
    "os",
    "pickle",
    "pprint",
    "random",
    "re",
    "secrets",
    "statistics",
    "string",
    "struct",
    "sys",
    "tempfile",
    "textwrap",
    "time",
    "traceback",
    "types",
    "typing",
    "warnings",
    "weakref",
    "zlib",
    # Codecs are looked up (imported) on first use: the common ones.
    "encodings.ascii",
    "encodings.latin_1",
    "encodings.utf_8",
    "encodings.utf_8_sig",
    "encodings.utf_16",
    "encodings.utf_32",
    "encodings.cp1252",
    "encodings.unicode_escape",
    "encodings.raw_unicode_escape",
)

ALLOWED_MODULES = NUMPY_MODULES + STANDARD_MODULES


def shown_list():
    """The top-level names, for messages (e.g. ``"numpy, abc, array, ..."``)."""
    names = []
    for name in ALLOWED_MODULES:
        top = name.split(".")[0]
        if top not in names and top != "encodings":
            names.append(top)
    return ", ".join(names)
