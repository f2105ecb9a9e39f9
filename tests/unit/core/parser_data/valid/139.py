from ...pkg.mod import d
