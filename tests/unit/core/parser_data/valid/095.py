s = 'both \' and "'
