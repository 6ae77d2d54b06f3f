#!/usr/bin/env python3
"""Build the dataset from the embedded corpus: a thin wrapper over ``dataset-builder build``.

    python build_dataset.py                      # raw/ -> dist/, version 1.0.0
    python build_dataset.py raw --out dist --version 1.1.0
"""
import sys

from dataset_builder.cli import app

if __name__ == "__main__":
    app(["build", *sys.argv[1:]])
