s = 'single' "double" '''triple''' """triple"""
