"""Running student code out of process: the wire protocol, the worker and the trusted client.

تشغيل شيفرة الطالب في عملية منفصلة معزولة.
"""
