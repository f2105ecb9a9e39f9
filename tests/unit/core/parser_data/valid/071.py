while chunk := f.read(): pass
