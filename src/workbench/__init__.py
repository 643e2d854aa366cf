"""Research workbench for three Indonesian cluster and LED studies."""
