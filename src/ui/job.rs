//! Work that runs off the UI thread: one job type for layouts, analysis and anything else that
//! can take longer than a frame. A job reports progress, can be cancelled, and wakes the UI
//! when it is done; it is keyed by what it was started from, so a result for a document that
//! has changed since is recognised and dropped.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};

enum Message<T> {
    Progress(f32),
    Done(T),
}

/// What the worker sees: where to report progress, and whether to stop.
pub struct Progress<T> {
    tx: Sender<Message<T>>,
    cancel: Arc<AtomicBool>,
    ctx: egui::Context,
}

impl<T> Progress<T> {
    /// Reports how far the work is (0–1) and wakes the UI to show it.
    pub fn report(&self, fraction: f32) {
        let _ = self.tx.send(Message::Progress(fraction));
        self.ctx.request_repaint();
    }

    /// The user cancelled, or the job was dropped: stop soon.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// A job running on a named worker thread.
pub struct Job<K, T> {
    rx: Receiver<Message<T>>,
    cancel: Arc<AtomicBool>,
    /// What the job was started from (document, revision, inputs).
    pub key: K,
    /// How far it is, 0–1.
    pub progress: f32,
}

impl<K, T: Send + 'static> Job<K, T> {
    /// Starts `work` on a thread called `name`. `work` returns `None` when it stopped because it
    /// was cancelled. Returns `None` when no thread could be started (the caller may run the
    /// work on the UI thread instead).
    pub fn spawn(
        name: &str,
        ctx: &egui::Context,
        key: K,
        work: impl FnOnce(&Progress<T>) -> Option<T> + Send + 'static,
    ) -> Option<Self> {
        let (tx, rx) = std::sync::mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Progress {
            tx,
            cancel: cancel.clone(),
            ctx: ctx.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                if let Some(result) = work(&progress) {
                    let _ = progress.tx.send(Message::Done(result));
                    progress.ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => Some(Self {
                rx,
                cancel,
                key,
                progress: 0.0,
            }),
            Err(e) => {
                log::warn!("could not start the {name} thread: {e}");
                None
            }
        }
    }

    /// Takes in what the worker sent; the result once it is done.
    pub fn poll(&mut self) -> Option<T> {
        let mut done = None;
        while let Ok(message) = self.rx.try_recv() {
            match message {
                Message::Progress(p) => self.progress = p,
                Message::Done(result) => done = Some(result),
            }
        }
        done
    }

    /// Asks the worker to stop; its result, if any, is never read.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl<K, T> Drop for Job<K, T> {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}
