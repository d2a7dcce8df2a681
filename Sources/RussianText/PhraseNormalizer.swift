import Morphology
