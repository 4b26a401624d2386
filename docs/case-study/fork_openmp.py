#!/usr/bin/python3
"""Experimento 6: el cuelgue de fork() + OpenMP, reproducido a propósito.

El proceso padre entrena un modelo XGBoost con 2 hilos (libgomp crea su equipo de hilos), y
luego lanza un hijo que entrena otro con 2 hilos. Con el método de arranque "fork" el hijo
hereda una copia del estado de libgomp que dice que el equipo de hilos existe, pero sin los
hilos (fork solo copia el hilo que lo llama): el hijo espera para siempre a hilos que no
existen. Con "spawn" (o "forkserver") el hijo es un programa nuevo y todo va bien.

Uso: fork_openmp.py fork|spawn. Termina con 0 si el hijo acabó; quien lo llama le pone un
límite de tiempo, porque con "fork" el hijo no acaba nunca.
"""
import multiprocessing as mp
import sys

import numpy as np
import xgboost as xgb


def entrenar(hilos):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(5000, 10))
    y = X[:, 0] + rng.normal(size=5000)
    datos = xgb.DMatrix(X, label=y)
    xgb.train({"tree_method": "hist", "nthread": hilos, "verbosity": 0}, datos, 20)


if __name__ == "__main__":
    metodo = sys.argv[1]
    entrenar(2)  # el padre usa OpenMP con 2 hilos antes de crear al hijo
    hijo = mp.get_context(metodo).Process(target=entrenar, args=(2,))
    hijo.start()
    hijo.join()
    sys.exit(hijo.exitcode)
