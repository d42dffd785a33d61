"""Imported last by the reading pool's forkserver (`workers._PRELOAD`): the objects it has
loaded by then (the readers and their libraries) are moved out of the garbage collector's
reach, so the reading processes forked from it do not write to those pages each time they
collect: every write copies a page the processes shared (`gc.freeze`)."""

import gc

gc.freeze()
