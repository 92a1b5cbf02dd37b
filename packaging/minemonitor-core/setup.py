"""Version of minemonitor-core = the plugin's version (metadata.txt staged beside this file)."""

import configparser
import os

from setuptools import setup

here = os.path.dirname(os.path.abspath(__file__))
parser = configparser.ConfigParser(interpolation=None)
parser.read(os.path.join(here, "minemonitor_plugin", "metadata.txt"), encoding="utf-8")
setup(version=parser.get("general", "version"))
