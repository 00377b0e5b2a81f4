"""CodeSteer: a guide model steering the task model between code and text (see :mod:`.solver`)."""
