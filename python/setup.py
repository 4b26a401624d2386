"""Builds the compiled half of the groupfit package with the project's CMake build.

The extension (_groupfit) and the worker program (groupfit-worker) are CMake targets of the
whole project (python/CMakeLists.txt), since they link the engine; this runs CMake for those two
targets, for the interpreter running pip, and puts them into the package beside its .py files.
GROUPFIT_BUILD_JOBS sets the parallel jobs (default 2).
"""

import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = os.path.abspath(os.path.join(self.build_temp, "cmake"))
        subprocess.check_call([
            "cmake", "-S", ROOT, "-B", build, "-DCMAKE_BUILD_TYPE=Release",
            "-DGROUPFIT_TESTS=OFF", f"-DPython_EXECUTABLE={sys.executable}",
        ])
        jobs = os.environ.get("GROUPFIT_BUILD_JOBS", "2")
        subprocess.check_call(["cmake", "--build", build, "-j", jobs,
                               "--target", "_groupfit", "groupfit-worker"])
        built = os.path.join(build, "python", "groupfit")
        target = os.path.dirname(os.path.abspath(self.get_ext_fullpath(ext.name)))
        os.makedirs(target, exist_ok=True)
        for name in os.listdir(built):
            if name.startswith("_groupfit") or name == "groupfit-worker":
                shutil.copy2(os.path.join(built, name), target)


setup(ext_modules=[Extension("groupfit._groupfit", sources=[])],
      cmdclass={"build_ext": CMakeBuild})
