"""A local stand-in for the Hugging Face Hub (test infrastructure): see ``server`` for the routes."""
from .server import TOKEN, HubStandin, Request

__all__ = ["TOKEN", "HubStandin", "Request"]
