"""Notifications: stored, live on /notifications, by email and push, per preferences."""
