"""werkzeug.utils.secure_filename, which learners use for upload names."""
from werkzeug.utils import secure_filename

for name in [
    "My cool movie.mov",
    "../../../etc/passwd",
    "i contain cool \xfcml\xe4uts.txt",
    "  spaced   out  .pdf",
    "__init__.py",
    "..",
    "résumé (final).docx",
    "a/b\\c.txt",
    "",
]:
    print(repr(name), "->", repr(secure_filename(name)))
