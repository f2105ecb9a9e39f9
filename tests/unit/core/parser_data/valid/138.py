from .mod import c
