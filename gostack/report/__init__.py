"""report: what a run looked like, from its events: snapshots, terminal and HTML.

snapshot.py folds events into timelines and stack snapshots; html.py draws
the self-contained HTML report; terminal.py the rich output of --stats and
of `gostack demo`.  Nothing here runs a program: the callers (cli, demo)
subscribe a Recorder to a run and hand it over.
"""
