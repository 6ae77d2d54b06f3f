"""dataset_builder: scraped multilingual news pages → a versioned Hugging Face dataset of English body text."""

__version__ = "0.1.0"
