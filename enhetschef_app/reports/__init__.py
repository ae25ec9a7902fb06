"""Documents drawn for people to read (PDF), with QtGui's painter only: no window, no widget,
so the command line draws them headless. An import contract keeps QtWidgets out."""
