"""Dataset-card templates, installed as the package data ``dataset_builder.cards``."""
