"""Grading a whole class: intake, parallel workers, gradebooks, and the autograding platforms.

تصحيح صفٍّ كامل: استلام التسليمات، والتصحيح المتوازي، وسجلّ الدرجات، ومنصّات التصحيح الآلي.

Modules, each with one job:

* :mod:`~grader.classroom.archives`: safe extraction of zip and tar archives (no path
  traversal, no links, size, file-count and compression-ratio caps);
* :mod:`~grader.classroom.intake`: find the students in what an instructor has (folders,
  zips, Canvas and Moodle bulk downloads) and each student's module files, whatever the layout;
* :mod:`~grader.classroom.roster`: the optional roster CSV (names, e-mails, languages);
* :mod:`~grader.classroom.pool`: long-lived worker processes that grade many students each,
  with a hard per-student wall-clock limit;
* :mod:`~grader.classroom.worker`: the worker process itself;
* :mod:`~grader.classroom.records`: one record per graded student, the resume state;
* :mod:`~grader.classroom.gradebook`: ``grades.csv``, ``results.json``, feedback files and the
  Canvas and Moodle imports;
* :mod:`~grader.classroom.run`: the class run that ties them together (``amiq grade --class``);
* :mod:`~grader.classroom.gradescope`, :mod:`~grader.classroom.autograder`: the Gradescope
  autograder zip and the program it runs;
* :mod:`~grader.classroom.github`: the GitHub Classroom starter repository and workflow;
* :mod:`~grader.classroom.submit`: a student's ``amiq submit``.
"""
