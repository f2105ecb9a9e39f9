日本 = "japan"
