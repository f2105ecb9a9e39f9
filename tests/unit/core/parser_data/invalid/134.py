def: pass
