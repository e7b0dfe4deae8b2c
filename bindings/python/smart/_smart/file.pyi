import os

def write_file_atomic(
    path: str | bytes | os.PathLike[str] | os.PathLike[bytes], content: bytes, *, mode: int | None = None
) -> None: ...
