"""The EXECUTION switch: run an algorithm's heavy part here or on a dask cluster.

Precedence of the address (the first one set wins):

1. the algorithm's advanced ``EXECUTION`` parameter (``local`` forces this computer);
2. the provider setting *Processing ▸ Options ▸ Providers ▸ MineMonitor ▸ Dask scheduler address*;
3. the environment variable ``MINEMONITOR_DASK_SCHEDULER`` (for ``qgis_process`` batches, models,
   CI).

Empty everywhere: this computer. QGIS never starts workers: the cluster is started outside (see
docs/scaling.md). The cluster client, the version and path checks and the task mapper are QGIS-free
(``engine.cluster``); this mixin adds the parameter, the log lines and the translated messages.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid

from qgis.core import QgsProcessingException, QgsProcessingParameterString

#: Environment variable giving the default scheduler address.
ENV_VAR = "MINEMONITOR_DASK_SCHEDULER"
#: Key of the provider setting (Processing options).
SETTING = "MINEMONITOR_DASK_SCHEDULER"
#: Values of EXECUTION that mean "this computer" whatever the setting says.
LOCAL_WORDS = ("local", "none", "off")


def provider_setting() -> str:
    """The scheduler address set in the Processing options ("" when unset or unavailable)."""
    try:
        from processing.core.ProcessingConfig import ProcessingConfig
    except ImportError:  # Processing's Python plugin not loaded
        return ""
    value = ProcessingConfig.getSetting(SETTING)
    return str(value or "").strip()


class ExecutionMixin:
    """``EXECUTION`` parameter and cluster helpers for the algorithms that can run on dask."""

    EXECUTION = "EXECUTION"

    def add_execution_parameter(self):
        self.add_parameter(
            QgsProcessingParameterString(self.EXECUTION, self.tr("Execution (dask scheduler)"), optional=True,
                                         defaultValue=""),
            self.tr("Where the heavy part runs. Empty: the default set in Processing > Options > Providers > "
                    "MineMonitor, else the environment variable MINEMONITOR_DASK_SCHEDULER, else this computer. "
                    "'local': this computer. tcp://host:8786: the dask scheduler at that address (started "
                    "outside QGIS; its workers need minemonitor-core of this plugin's version and must see the "
                    "inputs and the output folder under the same paths). The results are the same either way. "
                    "On a cluster a raster output named .vrt is written as Cloud Optimized GeoTIFF tiles in a "
                    "folder beside it plus the VRT; a .tif output is assembled into one Cloud Optimized "
                    "GeoTIFF."),
            advanced=True,
        )

    def execution_address(self, parameters, context, feedback) -> str:
        """The scheduler address to use ("" = this computer), written to the log with its origin."""
        from ..engine.cluster import normalise_address

        text = self.parameterAsString(parameters, self.EXECUTION, context).strip()
        origin = self.tr("the EXECUTION parameter")
        if not text:
            text, origin = provider_setting(), self.tr("the MineMonitor Processing option")
        if not text:
            text, origin = os.environ.get(ENV_VAR, "").strip(), self.tr("the environment variable {name}").format(
                name=ENV_VAR)
        if not text or text.lower() in LOCAL_WORDS:
            feedback.pushInfo(self.tr("Execution: this computer."))
            return ""
        address = normalise_address(text)
        feedback.pushInfo(self.tr("Execution: dask scheduler {address} (from {origin}).").format(
            address=address, origin=origin))
        return address

    @contextlib.contextmanager
    def open_cluster(self, address: str, feedback, readable=(), writable=()):
        """Connect to ``address``, check the workers' version and that they can open ``readable``
        (``(label, path)`` pairs) and write into ``writable`` folders; yields the cluster."""
        from .. import deps
        from ..engine.cluster import Cluster, missing_packages

        missing = missing_packages()
        if missing:
            raise QgsProcessingException(self.tr(
                "Running on the dask cluster {address} needs the Python packages {packages}, which are not "
                "installed for QGIS's Python. Install them with: {command}; or leave EXECUTION empty to run on "
                "this computer.").format(
                address=address, packages=", ".join(missing), command=deps.install_command(extras=("cluster",))))
        feedback.pushInfo(self.tr("Connecting to the dask scheduler {address} ...").format(address=address))
        with Cluster(address) as cluster:
            versions = cluster.check_versions()
            feedback.pushInfo(self.tr("{n} dask workers, all running MineMonitor {version}.").format(
                n=len(versions), version=next(iter(versions.values()))))
            cluster.check_paths(readable, writable)
            yield cluster

    def cluster_mapper(self, cluster, feedback, **kwargs):
        """The cluster's task mapper, cancelled by the Processing cancel button."""
        return cluster.mapper(is_cancelled=feedback.isCanceled, **kwargs)

    # raster outputs on a cluster ----------------------------------------------------------------
    def cluster_raster_destination(self, parameters, name, context, address: str) -> str:
        """:meth:`raster_destination`, also accepting a ``.vrt`` output on a cluster."""
        if address:
            requested = self.parameterAsOutputLayer(parameters, name, context) or ""
            if requested.lower().endswith(".vrt"):
                return self.output_file(parameters, name, context)
        return self.raster_destination(parameters, name, context)

    def tile_folder(self, path: str) -> str:
        """Folder for the COG tiles of output ``path``: ``<name>_tiles`` beside a .vrt output (kept),
        a hidden temporary folder beside a .tif output (removed once the COG is assembled)."""
        final = getattr(self, "final_path", lambda p: p)(path)
        stem, ext = os.path.splitext(final)
        if ext.lower() == ".vrt":
            folder = stem + "_tiles"
            if os.path.isdir(folder):
                shutil.rmtree(folder)
        else:
            folder = os.path.join(os.path.dirname(final), f".{os.path.basename(stem)}_tiles_{uuid.uuid4().hex[:8]}")
        os.makedirs(folder, exist_ok=True)
        self._tile_folders = [*getattr(self, "_tile_folders", []), folder]
        return folder

    def finish_raster(self, path: str, tiles, folder: str, compression, descriptions=None) -> None:
        """The tiles of one output as its VRT (a .vrt output) or as one assembled COG (.tif)."""
        from ..engine import windows as ew

        if path.lower().endswith(".vrt"):
            ew.build_vrt(path, tiles, descriptions)
            return
        vrt = os.path.join(folder, "mosaic.vrt")
        ew.build_vrt(vrt, tiles, descriptions)
        ew.assemble(vrt, path, compression)
        shutil.rmtree(folder, ignore_errors=True)

    def discard_tile_folders(self) -> None:
        """Remove the tile folders of this run (after a failure or cancel)."""
        for folder in getattr(self, "_tile_folders", []):
            shutil.rmtree(folder, ignore_errors=True)
        self._tile_folders = []
