s = u'unicode'
