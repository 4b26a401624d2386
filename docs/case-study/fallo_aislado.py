#!/usr/bin/python3
"""Experimento 6: una tarea que revienta el proceso (un fallo de segmentación, como el de una
biblioteca en C con un error), dentro de un pool de hilos o de procesos de Python.

Uso: fallo_aislado.py hilos|procesos. Lanza 6 tareas; la número 3 lee la dirección 0. Imprime
una línea por tarea terminada o fallida, y "fin" si el programa llega al final.
"""
import ctypes
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed


def tarea(i):
    time.sleep(0.2 * i)
    if i == 3:
        ctypes.string_at(0)  # lee la dirección 0: SIGSEGV
    return i


if __name__ == "__main__":
    Pool = ThreadPoolExecutor if sys.argv[1] == "hilos" else ProcessPoolExecutor
    with Pool(max_workers=2) as pool:
        futuros = {pool.submit(tarea, i): i for i in range(6)}
        for f in as_completed(futuros):
            try:
                f.result()
                print(f"tarea {futuros[f]}: terminó", flush=True)
            except Exception as e:  # noqa: BLE001 — mostramos qué le llega a quien espera
                print(f"tarea {futuros[f]}: {type(e).__name__}", flush=True)
    print("fin", flush=True)
