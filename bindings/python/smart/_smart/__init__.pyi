# Type stubs of the compiled module smart._smart (bindings/python/src). Private API.
from . import calendar as calendar
from . import catalogue as catalogue
from . import certificate as certificate
from . import cohort as cohort
from . import evaluation as evaluation
from . import file as file
from . import issuing as issuing
from . import programme as programme
from . import schedule as schedule
from . import statistics as statistics
from . import text as text
from . import follow_up as follow_up
from . import agreement as agreement
from . import next_steps as next_steps
from . import sheet_import as sheet_import

__version__: str

def enum_names() -> dict[str, list[str]]: ...
def error_codes() -> list[str]: ...
def parse_enum(enum_name: str, value: str) -> str: ...
