raise E from e
