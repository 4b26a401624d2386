"""Herramientas del caso de estudio (caso_de_estudio.ipynb): generar los datos, lanzar groupfit
y la referencia en Python, y medir cada ejecución.

Cada medición la hace `groupfit measure`, el mismo medidor que usan `groupfit bench` y
bench/compare.sh: tiempo de reloj, tiempo de CPU (proceso y descendientes) y memoria pico del
árbol de procesos (suma de PSS, para no contar dos veces la memoria compartida). Así el cuaderno
no tiene su propia forma de medir, y sus números son comparables con los del README.

La escala la fija la variable de entorno CASO_ESCALA: "completa" (por omisión, unos minutos en
2 núcleos) o "mini" (segundos; la usa la prueba que ejecuta el cuaderno).
"""
import json
import os
import re
import subprocess
import time

AQUI = os.path.dirname(os.path.abspath(__file__))
RAIZ = os.path.abspath(os.path.join(AQUI, "..", ".."))
GROUPFIT = os.environ.get("GROUPFIT", os.path.join(RAIZ, "build", "groupfit"))
REFERENCIA = os.path.join(RAIZ, "bench", "reference", "reference_groups.py")
AJUSTE_REFERENCIA = os.path.join(RAIZ, "bench", "reference", "tune_reference.py")
CON_MODULO = os.path.join(RAIZ, "bench", "python_module.py")
# El módulo de Python (groupfit.train desde pandas) se construye junto al programa.
MODULO = os.path.join(os.path.dirname(GROUPFIT), "python")
# Los paquetes npm de las pruebas (DuckDB escribe el Parquet): `make test` o `make case-study`.
NPM = os.environ.get("CASO_NPM", os.path.join(os.path.dirname(GROUPFIT), "npm", "node_modules"))
ESCALA = os.environ.get("CASO_ESCALA", "completa")
TRABAJO = os.environ.get("CASO_TRABAJO", os.path.join(RAIZ, "build", "case-study"))
NUCLEOS = len(os.sched_getaffinity(0))


def medir(cmd, entorno=None, estados=(0,)):
    """Ejecuta cmd y devuelve {wall_seconds, cpu_seconds, peak_pss_mb, exit_status}.

    entorno: variables que se añaden al entorno; estados: códigos de salida esperados."""
    return _medir_con_stderr(cmd, entorno, estados)[0]


def _medir_con_stderr(cmd, entorno, estados):
    """medir, y también lo que cmd escribió en stderr (groupfit measure guarda stdout para su
    propia línea)."""
    env = dict(os.environ, **(entorno or {}))
    salida = subprocess.run([GROUPFIT, "measure", *cmd], capture_output=True, text=True, env=env)
    if salida.returncode != 0:
        raise RuntimeError(f"falló {' '.join(cmd)}:\n{salida.stderr[-2000:]}")
    m = json.loads(salida.stdout.strip().splitlines()[-1])
    if m["exit_status"] not in estados:
        raise RuntimeError(f"{' '.join(cmd)} terminó con estado {m['exit_status']}:\n"
                           f"{salida.stderr[-2000:]}")
    return m, salida.stderr


def generar(nombre, filas, grupos, sesgo, semilla=42):
    """Una tabla como la del caso real (groupfit gen): Region, IBD con faltantes, etc."""
    os.makedirs(TRABAJO, exist_ok=True)
    ruta = os.path.join(TRABAJO, f"{nombre}.csv")
    if not os.path.exists(ruta):
        subprocess.run([GROUPFIT, "gen", "--rows", str(filas), "--groups", str(grupos),
                        "--skew", str(sesgo), "--seed", str(semilla), "--out", ruta], check=True)
    return ruta


def groupfit(datos, ejecutor, trabajadores=None, hilos=None, rondas=300, extra=(), entorno=None,
             estados=(0,), nombre=None):
    """Entrena con groupfit; devuelve la medición y la carpeta de salida."""
    etiqueta = nombre or f"{ejecutor}-{trabajadores}x{hilos}-{os.path.basename(datos)}"
    salida = os.path.join(TRABAJO, "salidas", etiqueta)
    cmd = [GROUPFIT, "train", datos, "--group", "Region", "--target", "IBD", "--id",
           "SamplingOperations_code", "--out", salida, "--executor", ejecutor,
           "--param", f"iterations={rondas}", "--quiet", *extra]
    if trabajadores:
        cmd += ["--workers", str(trabajadores)]
    if hilos:
        cmd += ["--threads-per-model", str(hilos)]
    return medir(cmd, entorno, estados), salida


def referencia(datos, modo, rondas=300, trabajadores=None, hilos=None, entorno=None):
    """El programa original (ProcessPoolExecutor, thread_count=2, cores // 2), en Python."""
    salida = os.path.join(TRABAJO, "salidas", f"referencia-{modo}-{os.path.basename(datos)}")
    cmd = ["/usr/bin/python3", REFERENCIA, datos, "--mode", modo, "--rounds", str(rondas),
           "--out", salida]
    if trabajadores:
        cmd += ["--workers", str(trabajadores)]
    if hilos:
        cmd += ["--threads-per-model", str(hilos)]
    return medir(cmd, entorno), salida


def con_fases(cmd, entorno=None):
    """Como medir, y además las fases que el programa escribe en stderr en una línea
    `phases={...}`."""
    m, stderr = _medir_con_stderr(cmd, entorno, (0,))
    fases = next(json.loads(l[len("phases="):]) for l in stderr.splitlines()
                 if l.startswith("phases="))
    return m, fases


def a_parquet(csv):
    """La tabla como Parquet, escrita por DuckDB como la escribe pandas con pyarrow: SNAPPY y
    grupos de filas de 1 Mi filas (pandas de Debian 12 no escribe Parquet: no hay pyarrow)."""
    ruta = csv[:-len(".csv")] + ".parquet"
    if not os.path.exists(ruta):
        herramienta = os.path.join(RAIZ, "bench", "parquet_read", "duckdb_tool.mjs")
        subprocess.run(["node", herramienta, NPM, "convert", csv, ruta, "snappy", "1048576"],
                       check=True)
    return ruta


def referencia_fases(datos, modo, rondas=300, trabajadores=None, hilos=None):
    """El programa original sobre `datos` (CSV o Parquet), con sus fases: leer, cortar los
    grupos, el pool, recoger; y, con procesos, lo que cuesta serializar (pickle)."""
    salida = os.path.join(TRABAJO, "salidas", f"ref-fases-{modo}-{os.path.basename(datos)}")
    cmd = ["/usr/bin/python3", REFERENCIA, datos, "--mode", modo, "--rounds", str(rondas),
           "--out", salida, "--phases"]
    if trabajadores:
        cmd += ["--workers", str(trabajadores)]
    if hilos:
        cmd += ["--threads-per-model", str(hilos)]
    return con_fases(cmd, {"PYTHONPATH": MODULO})


def modulo_fases(datos, rondas=300):
    """groupfit.train(df) desde pandas (bench/python_module.py), con sus fases."""
    salida = os.path.join(TRABAJO, "salidas", f"modulo-{os.path.basename(datos)}")
    return con_fases(["/usr/bin/python3", CON_MODULO, datos, str(rondas), salida],
                     {"PYTHONPATH": MODULO})


def ajuste_referencia(datos, modo, busqueda, pliegues, rondas=300):
    """El ajuste por grupo a la manera de Python (bench/reference/tune_reference.py): los
    candidatos y pliegues de un grupo, todos dentro de un mismo trabajador."""
    salida = os.path.join(TRABAJO, "salidas", f"ajuste-{modo}-{os.path.basename(datos)}")
    cmd = ["/usr/bin/python3", AJUSTE_REFERENCIA, datos, "--mode", modo, "--rounds", str(rondas),
           "--cv", str(pliegues), "--out", salida]
    for b in busqueda:
        cmd += ["--search", b]
    return medir(cmd), salida


def mpi(datos, rangos, rondas=300, extra=(), nombre=None):
    """groupfit con --executor mpi bajo mpirun: el rango 0 coordina, los demás entrenan."""
    etiqueta = nombre or f"mpi-{rangos}-{os.path.basename(datos)}"
    salida = os.path.join(TRABAJO, "salidas", etiqueta)
    raiz = ["--allow-run-as-root"] if os.geteuid() == 0 else []
    cmd = ["mpirun", "--oversubscribe", *raiz, "--bind-to", "none", "-n", str(rangos), GROUPFIT,
           "train", datos, "--group", "Region", "--target", "IBD", "--id",
           "SamplingOperations_code", "--out", salida, "--executor", "mpi", "--param",
           f"iterations={rondas}", "--quiet", *extra]
    return medir(cmd), salida


def simular(*opciones):
    """La tabla de `groupfit simulate` (Markdown) y sus filas como DataFrame-compatible."""
    texto = subprocess.run([GROUPFIT, "simulate", *map(str, opciones)], capture_output=True,
                           text=True, check=True).stdout
    filas = [re.split(r"\s*\|\s*", l.strip().strip("|").strip()) for l in texto.splitlines()
             if l.startswith("| ") and "nodes" not in l]
    cabecera = next(re.split(r"\s*\|\s*", l.strip().strip("|").strip()) for l in texto.splitlines()
                    if l.startswith("| nodes"))
    return texto, [dict(zip(cabecera, f)) for f in filas]


# --- Experimento 1: trabajo de CPU en Python puro, sin bibliotecas que suelten el GIL ---------

def contar_primos(hasta):
    """Cuenta primos por división de prueba: Python puro, retiene el GIL todo el tiempo."""
    cuenta = 0
    for n in range(2, hasta):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            cuenta += 1
    return cuenta


def repartir_primos(modo, tareas, hasta, trabajadores):
    """Tiempo de reloj de `tareas` llamadas a contar_primos: en secuencia, hilos o procesos."""
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
    inicio = time.perf_counter()
    if modo == "secuencial":
        [contar_primos(hasta) for _ in range(tareas)]
    else:
        Pool = ThreadPoolExecutor if modo == "hilos" else ProcessPoolExecutor
        with Pool(max_workers=trabajadores) as pool:
            list(pool.map(contar_primos, [hasta] * tareas))
    return time.perf_counter() - inicio


def tiempos_de_traza(ruta):
    """Los eventos de una traza de groupfit (--trace): grupo, trabajador, inicio y fin (s)."""
    with open(ruta) as f:
        eventos = json.load(f)
    eventos = eventos.get("traceEvents", eventos) if isinstance(eventos, dict) else eventos
    return [{"grupo": e["name"], "trabajador": e["tid"], "inicio": e["ts"] / 1e6,
             "fin": (e["ts"] + e["dur"]) / 1e6, **e.get("args", {})}
            for e in eventos if e.get("ph") == "X"]
