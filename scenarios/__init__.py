"""The bundled practice scenarios: YAML files shipped with the package, found by `simulator.catalogue`."""
