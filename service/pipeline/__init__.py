"""The timeline pipeline: clean → sentences → temporal expressions → statements → merge → timeline.

Pure stages over the data classes in :mod:`service.pipeline.model`; no I/O inside.
"""
